package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import java.util.List;

/**
 * N1's section: notice delay (a job's end on the vendor's side → its result in the caller's hands) at default
 * settings without webhooks, p50 and p99, for 10 s and 120 s jobs, both vendors and fal's own client; requests
 * per completed job in the same runs; and, for every miss, how the delay splits between waiting for the client's
 * next request and that request's round trip.
 *
 * <pre>{@code
 * String md = NoticeSection.markdown(runs, summary);
 * }</pre>
 */
final class NoticeSection {
    private NoticeSection() {
    }

    /** The ceiling on notice delay, p50 and p99 alike, or null for a client it sets none for. */
    static Double target(ScaleSuite.Run r) {
        if (!r.label().startsWith("videogen4j")) return null;
        return r.vendor().equals("fal") ? 0.5 : 1.0;
    }

    static String markdown(List<ScaleSuite.Run> runs, Summary summary) {
        StringBuilder md = new StringBuilder("## N1 — notice delay: a finished job's result in the caller's hands\n\n")
                .append(Report.command("n1", runs.stream().map(ScaleSuite.Run::jvm).toList()));
        md.append(f("*Notice delay* is, per job, the time from the job's end on the vendor's side to its result in the "
                + "caller's hands. The end is the emulator's own: it fixes each job's timeline as it accepts the "
                + "submit (on the system clock, which runs in real time here); the client notes the instant its "
                + "`awaitAsync` future (fal's client: `subscribe()`) returns; both processes read the same machine "
                + "clock. Default client settings, no webhooks, %s of latency on every response. Each run is a "
                + "client process and an emulator process of its own. videogen4j learns each model's run time to aim "
                + "its polls, so each of its runs first takes one job of the same kind to its end, alone (a "
                + "long-lived client; that job's own delay is the *first job* column, its requests are not counted). "
                + "Then %d jobs go in waves of %d, evenly over 30 s for 120 s jobs and over 10 s for 10 s jobs (up to "
                + "%d in flight). To keep 120 s jobs affordable the runs go side by side: every JVM's 120 s runs start "
                + "together, and while their warm-up jobs work each JVM's 10 s runs go, one JVM after the other. "
                + "fal's client is used as in B4, on a thread per job, and, as its best case, with no more jobs in "
                + "flight than the %d status streams its OkHttp dispatcher opens to one host at once. *Wait* is the "
                + "part of the delay until the first request about the job reached the vendor after its end; "
                + "*answer* the rest, from that request to the result in hand (for a job followed on a status stream "
                + "the first request after the end is the result fetch). Requests per completed job are the "
                + "emulator's count of the client's HTTP requests, a status stream being one.%n%n",
                Report.seconds(Suite.LATENCY), jobs(runs), NoticeSuite.WAVE, jobs(runs), NoticeSuite.FAL_CLIENT_STREAMS));
        md.append("| client JVM | job | client | completed | notice delay p50 | p99 | max | target (p50 and p99) | "
                + "wait p50 / p99 | answer p50 / p99 | first job | requests per completed job | carried per job | "
                + "peak threads | wall |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run r : runs) {
            ScaleSuite.Notice n = r.notice();
            Double target = target(r);
            Double requests = ScaleSection.requestTarget(r.label().startsWith("videogen4j") ? r.workload() : null);
            md.append(f("| %s | %s | %s | %,d / %,d | %.3f s | %.3f s | %.3f s | %s | %.3f / %.3f s | %.3f / %.3f s | "
                    + "%s | %.2f%s | %s | %d | %.1f s |%n", r.jvm().name(), Report.seconds(r.workload().run()), r.label(),
                    r.result().completed(), r.result().jobs(), n.p50(), n.p99(), n.max(),
                    target == null ? "(reference)" : f("≤ %.1f s", target), n.waitP50(), n.waitP99(), n.answerP50(),
                    n.answerP99(), Double.isNaN(r.warmupNotice()) ? "–" : f("%.3f s", r.warmupNotice()), r.requestsPerJob(), requests == null ? "" : " (≤ " + ScaleSection.trim(requests) + ")",
                    ScaleSection.kinds(r), r.result().peakThreads(), r.result().wall()));
            summarize(r, summary);
        }
        md.append('\n');
        for (ScaleSuite.Run r : runs) md.append(why(r));
        md.append(f("Batched Runware carries each job's tasks in shared requests, so its requests per job depend on how "
                + "many jobs come due together: here waves of %d, in B2 10,000 at once.%n%n", NoticeSuite.WAVE));
        return md.toString();
    }

    private static int jobs(List<ScaleSuite.Run> runs) {
        return runs.get(0).result().jobs();
    }

    private static void summarize(ScaleSuite.Run r, Summary summary) {
        String who = "N1 " + r.label() + ", " + Report.seconds(r.workload().run()) + " jobs";
        ScaleSuite.Notice n = r.notice();
        Double target = target(r);
        summary.add(who + ": notice delay p50 / p99", target == null ? "(reference)" : f("≤ %.1f s", target), r.jvm(),
                f("%.3f / %.3f s", n.p50(), n.p99()), target == null ? null : n.p99() <= target && n.p50() <= target);
        Double requests = ScaleSection.requestTarget(r.label().startsWith("videogen4j") ? r.workload() : null);
        summary.add(who + ": HTTP requests per completed job", requests == null ? "(reference)"
                : "≤ " + ScaleSection.trim(requests), r.jvm(), f("%.2f", r.requestsPerJob()),
                requests == null ? null : r.requestsPerJob() <= requests);
    }

    private static String why(ScaleSuite.Run r) {
        ScaleSuite.Notice n = r.notice();
        Double target = target(r);
        StringBuilder md = new StringBuilder();
        String who = r.label() + ", " + Report.seconds(r.workload().run()) + " jobs, on " + r.jvm().name();
        if (target != null && (n.p99() > target || n.p50() > target)) {
            md.append(f("**%s: notice delay p50 %.3f s / p99 %.3f s (target ≤ %.1f s), p99 %.3f s over.** Of it, %.3f s "
                    + "(p50; p99 %.3f s) passed before the client's first request after the end reached the vendor, "
                    + "and %.3f s (p50; p99 %.3f s) from that request to the result in hand, where one round trip "
                    + "takes %s. The client sent %.2f requests per job (%s).%n%n", who, n.p50(), n.p99(), target,
                    n.p99() - target, n.waitP50(), n.waitP99(), n.answerP50(), n.answerP99(),
                    Report.seconds(Suite.LATENCY), r.requestsPerJob(), ScaleSection.kinds(r)));
        }
        Double requests = ScaleSection.requestTarget(r.label().startsWith("videogen4j") ? r.workload() : null);
        if (requests != null && r.requestsPerJob() > requests) {
            md.append(f("**%s: %.2f requests per completed job (target ≤ %s), %.2f over.** Carried per job: %s. ",
                    who, r.requestsPerJob(), ScaleSection.trim(requests), r.requestsPerJob() - requests,
                    ScaleSection.kinds(r)));
            md.append(earlyPolls(n)).append("\n\n");
        }
        if (r.result().completed() < r.result().jobs()) {
            md.append(f("**%s: %d of %d jobs failed**: %s.%n%n", who, r.result().failed(), r.result().jobs(),
                    r.result().firstError()));
        }
        return md.toString();
    }

    /** What the emulator saw of polls that came before a job's end: the requests a job cost beyond its one poll. */
    static String earlyPolls(ScaleSuite.Notice n) {
        return earlyOnly(n) + (n.polls() < 0 ? "" : f(" The emulator matched %,d polls to the %,d measured jobs.",
                n.polls(), n.jobs()));
    }

    private static String earlyOnly(ScaleSuite.Notice n) {
        return n.earlyJobs() == 0 ? "No job was polled before its end: the extra requests are not early polls."
                : f("%,d of the %,d jobs were polled before their end, %,d times in all, the last such poll a median "
                + "%.2f s before the end: a poll aimed at a job's end found it still running, and the job cost "
                + "another.", n.earlyJobs(), n.jobs(), n.earlyPolls(), n.earlyBy());
    }
}
