package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import java.util.List;

/**
 * B5's section: the PostgreSQL job store across two instances next to the in-memory store, on the same jobs.
 *
 * <pre>{@code
 * String md = DurableSection.markdown(result, summaryLines);
 * }</pre>
 */
final class DurableSection {
    private DurableSection() {
    }

    static String markdown(DurableSuite.Result r, Summary summary) {
        Workload w = r.store().workload();
        double run = w.run().toMillis() / 1000.0;
        StringBuilder md = new StringBuilder("## B5 — durable jobs: PostgreSQL store, two instances\n\n")
                .append("Command: `" + Report.BUILD + " && " + DurableSuite.URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/DB?user=U "
                        + Report.JAR + " b5` (CI's throwaway cluster: `sudo bash -c 'source .ci/postgres.sh && "
                        + DurableSuite.URL_VARIABLE + "=$VIDEOGEN4J_TEST_POSTGRES_URL " + Report.JAR + " b5'`)\n\n");
        md.append(f("%,d %s jobs of %s each, %s of latency on every emulator answer, the library's default poll schedule, "
                + "submitted at once by instance A, which then awaits them all. With the store, every job is a row "
                + "written before its submit is sent and every poll is a db-scheduler task that instance A or B runs "
                + "(10 threads each, due polls looked for every 200 ms; a thread starts a poll and does not wait for its "
                + "answer); both instances batch submits and polls alike; A learns an end B polled from PostgreSQL's "
                + "LISTEN/NOTIFY (and reads the record at the longest poll interval as a safety net). "
                + "The in-memory row is the same workload on the default store (B2's setup with this poll schedule). "
                + "*Notice delay* is accepted → result less the %s of processing: how long after a job ended its "
                + "awaiting application knew. Database transactions are PostgreSQL's own count for the run "
                + "(`pg_stat_database.xact_commit`; each store or scheduler statement is one). PostgreSQL runs on the "
                + "same 2 cores.%n%n", w.jobs(), w.provider(), Report.seconds(w.run()), Report.seconds(w.latency()),
                Report.seconds(w.run())));
        md.append("| store | completed | wall | notice delay p50 | p99 | peak threads (A) | peak heap (A) | DB transactions per job |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run x : List.of(r.memory(), r.store())) {
            ScaleResult s = x.result();
            boolean db = x == r.store();
            md.append(f("| %s | %,d / %,d | %.1f s | %.2f s | %.2f s | %d | %s | %s |%n", db ? "PostgreSQL, 2 instances"
                    : "in memory, 1 instance", s.completed(), s.jobs(), s.wall(), s.resultP50() - run,
                    s.resultP99() - run, s.peakThreads(), Report.mb(s.peakHeap()),
                    db ? f("%.1f", r.transactionsPerJob()) : "-"));
        }
        double ratio = r.store().result().wall() / r.memory().result().wall();
        summary.add("B5 wall time, PostgreSQL store over 2 instances vs in memory", "(reported)", r.store().jvm(),
                f("%.2f×, %.1f DB transactions per job", ratio, r.transactionsPerJob()), null);
        md.append(f("%nThe store costs %.2f× the in-memory wall time here.%n%n", ratio));
        return md.toString();
    }
}
