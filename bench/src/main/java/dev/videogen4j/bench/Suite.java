package dev.videogen4j.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the sections asked for and writes the report. N1, B1 and B2 run their clients on every JVM given
 * ({@code --java}); B3 and B4, the no-regression checks, and B5 on the harness's own.
 *
 * <pre>{@code
 * new Suite(false, Jvm.withCurrent("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")).run("all");   // writes BENCHMARKS.md
 * }</pre>
 */
final class Suite {
    static final Duration RUN = Duration.ofSeconds(10);
    static final Duration LATENCY = Duration.ofMillis(50);
    static final List<String> SECTIONS = List.of("n1", "b1", "b2", "b3", "b4", "b5");

    private final boolean quick;
    private final List<Jvm> jvms;

    Suite(boolean quick, List<Jvm> jvms) {
        this.quick = quick;
        this.jvms = List.copyOf(jvms);
    }

    /** The sections {@code command} names: {@code all}, or a comma-separated list ({@code n1,b2}). */
    static List<String> sections(String command) {
        List<String> asked = command.equals("all") ? List.of("n1", "b1", "b2", "b3", "b4") : List.of(command.split(","));
        for (String s : asked) {
            if (!SECTIONS.contains(s)) {
                throw new IllegalArgumentException("unknown section '" + s + "': use all, or some of " + SECTIONS);
            }
        }
        return asked;
    }

    /** {@code all}, or a comma-separated list of sections ({@code n1,b2}). */
    void run(String command) throws Exception {
        List<String> asked = sections(command);
        Report report = new Report(quick, jvms);
        if (asked.contains("n1")) {
            report.begin();
            report.n1(NoticeSuite.run(quick, jvms));
        }
        if (asked.contains("b1")) {
            report.begin();
            List<OverheadSuite.Row> rows = new ArrayList<>();
            for (Jvm jvm : jvms) rows.addAll(new OverheadSuite(quick, jvm).run());
            report.b1(rows);
        }
        if (asked.contains("b2")) {
            report.begin();
            List<ScaleSuite.Run> runs = new ArrayList<>();
            for (Jvm jvm : jvms) runs.addAll(b2(jvm));
            report.b2(runs);
        }
        if (asked.contains("b3")) {
            report.begin();
            report.b3(b3());
        }
        if (asked.contains("b4")) {
            report.begin();
            report.b4(b4());
        }
        if (asked.contains("b5")) {
            report.begin();
            report.b5(b5());
        }
        Path file = Path.of("BENCHMARKS.md");
        if (quick) {
            System.out.println(report.markdown(""));
            return;
        }
        String md = report.markdown(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
        Files.writeString(file, md, StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath() + " (" + String.join(", ", asked) + ") in " + report.elapsed());
    }

    private int scale(int jobs) {
        return quick ? jobs / 10 : jobs;
    }

    /**
     * 10,000 jobs at once, default settings, in a client that has run one such job before (it learns each model's
     * run time): Runware one task per request and batched, fal; each once so (a fresh client, whose JIT compiles its
     * hot paths while it submits) and once after a warm-up burst of 2,000 such jobs (a client in service).
     */
    List<ScaleSuite.Run> b2(Jvm jvm) {
        int jobs = scale(10_000);
        int burst = quick ? 100 : 2_000;
        List<ScaleSuite.Run> runs = new ArrayList<>();
        for (Workload w : List.of(new Workload("runware", jobs, RUN, LATENCY, null, false, false),
                new Workload("runware", jobs, RUN, LATENCY, null, true, false),
                new Workload("fal", jobs, RUN, LATENCY, null, false, false))) {
            runs.add(ScaleSuite.videogen4j(w.warmedUp(), jvm));
            runs.add(ScaleSuite.videogen4j(w.afterBurst(burst), jvm));
        }
        return runs;
    }

    /** 10,000 Runware jobs through the PostgreSQL store on two instances, and in memory (needs a PostgreSQL server). */
    DurableSuite.Result b5() throws java.sql.SQLException {
        return DurableSuite.run(new Workload("runware", scale(10_000), RUN, LATENCY, null, true, false),
                DurableSuite.postgresUrl());
    }

    /** Requests per job under the library's default poll schedule, with and without batching and webhooks. */
    List<ScaleSuite.Run> b3() {
        int jobs = scale(1_000);
        return List.of(
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, false, false)),
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, true, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, false)),
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, false, true)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, true)));
    }

    /**
     * fal's official client next to videogen4j (polling every second as before, so the figures compare with
     * earlier runs, and with webhooks): a thread per job, and a pool as small as videogen4j's.
     */
    List<ScaleSuite.Run> b4() {
        int jobs = scale(200);
        return List.of(
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, Duration.ofSeconds(1), false, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, true)),
                ScaleSuite.falClient(jobs, 0, RUN, LATENCY),
                ScaleSuite.falClient(jobs, ScaleSection.DEFAULT_CALLS, RUN, LATENCY));
    }
}
