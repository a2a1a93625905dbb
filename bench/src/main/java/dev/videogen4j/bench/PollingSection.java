package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import java.util.List;

/**
 * B3's section: HTTP requests per completed job for each way of following jobs — Runware one task per request,
 * Runware batched, fal, and both with webhooks — with what those requests carried.
 *
 * <pre>{@code
 * String md = PollingSection.markdown(runs, summaryLines);
 * }</pre>
 */
final class PollingSection {
    /** The run these figures were last measured in before issue 17, and what it measured, by row. */
    static final String BEFORE_RUN = "2026-11-20";
    private static final java.util.Map<String, String> BEFORE = java.util.Map.of(
            "videogen4j, Runware, one task per request", "5.000", "videogen4j, Runware, batched", "0.050",
            "videogen4j, fal", "6.000", "videogen4j, Runware, one task per request, webhooks", "1.000",
            "videogen4j, fal, webhooks", "1.000");

    private PollingSection() {
    }

    static String markdown(List<ScaleSuite.Run> runs, Summary summary) {
        Workload w0 = runs.get(0).workload();
        StringBuilder md = new StringBuilder("## B3 — polling cost\n\n").append(Report.command("b3"));
        md.append(f("%,d jobs at once per run, %s of processing, %s latency per response, the library's default "
                + "settings (before issue 17 its default poll schedule was 2 s ×1.5 → 10 s, a job polled at 2.00, "
                + "5.00, 9.50, 16.25 s after its submit). Requests are counted by the emulator; *carried* is what they held per job (a Runware "
                + "request is an array of tasks). With webhooks the job is submitted with a webhook URL, the "
                + "application's endpoint (the JDK's HTTP server on one thread) hands each delivery to "
                + "`VideoClient.onWebhook` (fal's verified against its signing key), and `webhookSafetyPoll(5 min)` "
                + "leaves polling as a safety net that never comes due here.%n%n", w0.jobs(), Report.seconds(w0.run()),
                Report.seconds(w0.latency())));
        md.append("| client | HTTP requests per completed job | carried per job | webhook deliveries per job | "
                + "accepted → result p50 | notice delay p50 / p99 | wall |\n|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run r : runs) {
            double hooks = (double) r.requests("webhook.delivery") / Math.max(1, r.result().completed());
            md.append(f("| %s | **%.3f** | %s | %.2f | %.2f s | %.2f / %.2f s | %.1f s |%n", r.label(), r.requestsPerJob(),
                    ScaleSection.kinds(r), hooks, r.result().resultP50(), r.notice().p50(), r.notice().p99(),
                    r.result().wall()));
            String before = BEFORE.get(r.label());
            summary.add("B3 " + r.label() + ": HTTP requests per completed job",
                    before == null ? "" : "no regression: was " + before + " (" + BEFORE_RUN + ")", r.jvm(),
                    f("%.3f", r.requestsPerJob()), before == null ? null : r.requestsPerJob() <= Double.parseDouble(before));
        }
        md.append("\nBatching puts up to 100 tasks in a request, gathered over 50 ms; how full the batches get depends "
                + "on how many jobs come due together, so the batched figure shrinks as the number of jobs in flight "
                + "grows (compare B2). fal has no batch endpoint; its requests per job are the schedule's polls plus a "
                + "submit and a result.\n\n");
        return md.toString();
    }
}
