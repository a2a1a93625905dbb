package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import java.util.List;

/**
 * B4's section: the same jobs through fal's official Java client and through videogen4j, side by side, and
 * why there is no Runware row.
 *
 * <pre>{@code
 * String md = VendorSection.markdown(runs, summaryLines);
 * }</pre>
 */
final class VendorSection {
    /** What the run of {@link PollingSection#BEFORE_RUN} measured, by row: jobs per second, requests per job. */
    private static final java.util.Map<String, double[]> BEFORE = java.util.Map.of(
            "videogen4j, fal", new double[] {17.8, 12.00}, "videogen4j, fal, webhooks", new double[] {18.7, 1.00},
            "fal-client 0.7.1, subscribe() on a thread per job", new double[] {16.2, 3.00},
            "fal-client 0.7.1, subscribe() on a pool of 48 threads", new double[] {4.0, 3.00});

    private VendorSection() {
    }

    static String markdown(List<ScaleSuite.Run> runs, Summary summary) {
        ScaleSuite.Run v4j = runs.get(0);
        StringBuilder md = new StringBuilder("## B4 — the vendors' own clients\n\n").append(Report.command("b4"));
        md.append(f("%,d fal jobs submitted at once, %s of processing, %s latency per response. fal's official Java "
                + "client, `ai.fal.client:fal-client` 0.7.1 from Maven Central, is used as its README shows: "
                + "`subscribe()`, which submits, follows the job on fal's server-sent status stream and fetches the "
                + "result, blocking its thread throughout; it reaches the emulator through its proxy-URL setting "
                + "(`ClientConfig.withProxyUrl`, the `X-Fal-Target-Url` convention the emulator honours). videogen4j "
                + "polls every %s (as B2 did before issue 17; kept so these figures compare with earlier runs; N1 "
                + "has videogen4j's defaults next to fal's client), or, in its second row, is told of completion by "
                + "fal's webhook as in B3.%n%n", v4j.result().jobs(), Report.seconds(v4j.workload().run()),
                Report.seconds(v4j.workload().latency()), v4j.workload().poll() == null ? "(default schedule)" : Report.seconds(v4j.workload().poll())));
        md.append("| client | completed | wall | jobs per second | HTTP requests per job | peak threads | peak heap | "
                + "client CPU | emulator CPU, threads |\n|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run r : runs) {
            ScaleResult s = r.result();
            md.append(f("| %s | %,d / %,d | %.1f s | %.1f | %.2f (%s) | %d | %s | %.1f s | %.1f s, %d |%n", r.label(),
                    s.completed(), s.jobs(), s.wall(), r.jobsPerSecond(), r.requestsPerJob(), ScaleSection.kinds(r),
                    s.peakThreads(), Report.mb(s.peakHeap()), s.cpu(), r.emulatorCpu(), r.emulatorThreads()));
            double[] before = BEFORE.get(r.label());
            summary.add("B4 " + r.label() + ": jobs per second, requests per job", before == null ? ""
                    : f("no regression: was %.1f jobs/s, %.2f requests/job (%s)", before[0], before[1],
                    PollingSection.BEFORE_RUN), r.jvm(), f("%.1f jobs/s, %.2f requests/job", r.jobsPerSecond(),
                    r.requestsPerJob()), before == null || !r.label().startsWith("videogen4j") ? null
                    // jobs per second within 5 % (the machine's noise), requests per job not above
                    : r.jobsPerSecond() >= before[0] * 0.95 && r.requestsPerJob() <= before[1] + 1e-9);
        }
        md.append("\nThreads at the peak, per client (thread dump): ");
        for (ScaleSuite.Run r : runs) {
            md.append("\n- ").append(r.label()).append(": ").append(ScaleSection.threads(r.result().threadsAtPeak()));
        }
        md.append("\n\nHow to read it. fal's client holds a thread per job for the job's whole life (blocked in "
                + "`subscribe()`) and learns of completion at once from the status stream: 3 requests per job, the "
                + "stream being one long request. Its streams go through OkHttp's asynchronous dispatcher, which by default runs 5 calls "
                + "per host at once (the `OkHttp https://queue.fal.run/...` threads above), so the other streams wait "
                + "their turn; it does not matter here only because a waiting job keeps running at fal and its "
                + "stream, once opened, answers COMPLETED at once. The client builds its own `OkHttpClient` and offers "
                + "no way to pass one. On a fixed pool, jobs wait for a thread: each holds one for its full processing "
                + "time, so throughput is the pool size divided by the job time. videogen4j holds no thread per job "
                + "and pays with polls, or with nothing but a webhook endpoint. fal-client is built against OkHttp "
                + "4.12; this build keeps one OkHttp (5.3.2, API-compatible), so it runs on that, and OkHttp 5's "
                + "connect racing adds `OkHttp TaskRunner` threads 4.12 would not start.\n\n"
                + "**Runware** publishes no Java client (its SDKs are Python and TypeScript, plus a Go CLI), so there "
                + "is no Runware row.\n\n");
        return md.toString();
    }
}
