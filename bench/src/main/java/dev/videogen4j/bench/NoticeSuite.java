package dev.videogen4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * N1: how long after a job ends on the vendor's side its result is in the caller's hands, with default client
 * settings and no webhooks, for jobs of 10 s and of 120 s, on both vendors, and for fal's own client.
 *
 * <p>Each run is a client process and an emulator process of its own, on a real clock. videogen4j learns each
 * model's run time to aim its polls, so each of its runs first takes one job of the same kind to its end (a
 * long-lived client; that job's own notice delay is reported apart). To keep 120 s jobs affordable the runs go
 * side by side: every JVM's 120 s runs start together, and while their warm-up jobs work, each JVM's 10 s runs
 * go; the 120 s runs then submit their jobs in waves over 30 s. Jobs go in waves of {@value #WAVE} (every
 * client sees the same pattern), so batched Runware requests have something to batch.
 *
 * <pre>{@code
 * List<ScaleSuite.Run> runs = NoticeSuite.run(false, List.of(Jvm.current()));
 * }</pre>
 */
final class NoticeSuite {
    static final int WAVE = 20;
    /** fal's client opens at most 5 streams per host at once (OkHttp's dispatcher): its best case, for reference. */
    static final int FAL_CLIENT_STREAMS = 5;

    private NoticeSuite() {
    }

    /**
     * Every JVM's runs, side by side: all 120 s runs start at once (their warm-up jobs take 120 s); meanwhile
     * each JVM's 10 s runs go, one JVM after the other. Per JVM, the 120 s runs then the 10 s runs, each group in
     * the order of {@link #group}.
     */
    static List<ScaleSuite.Run> run(boolean quick, List<Jvm> jvms) throws Exception {
        Duration longJob = quick ? Duration.ofSeconds(20) : Duration.ofSeconds(120);
        Duration longWindow = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
        int jobs = quick ? 20 : 100;
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<List<Future<ScaleSuite.Run>>> longRuns = new ArrayList<>();
            for (Jvm jvm : jvms) longRuns.add(submit(pool, group(jobs, longJob, longWindow, jvm)));
            List<List<Future<ScaleSuite.Run>>> shortRuns = new ArrayList<>();
            for (Jvm jvm : jvms) {
                List<Future<ScaleSuite.Run>> runs = submit(pool, group(jobs, Suite.RUN, Suite.RUN, jvm));
                for (Future<ScaleSuite.Run> f : runs) f.get();   // one JVM's short runs at a time
                shortRuns.add(runs);
            }
            List<ScaleSuite.Run> out = new ArrayList<>();
            for (int k = 0; k < jvms.size(); k++) {
                for (Future<ScaleSuite.Run> f : longRuns.get(k)) out.add(f.get());
                for (Future<ScaleSuite.Run> f : shortRuns.get(k)) out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One job length: videogen4j on Runware (one task per request, batched) and fal, fal's client on a thread per
     * job, and fal's client with no more jobs in flight than it has streams.
     */
    static List<Supplier<ScaleSuite.Run>> group(int jobs, Duration run, Duration window, Jvm jvm) {
        Workload runware = new Workload("runware", jobs, run, Suite.LATENCY, null, false, false).inWaves(WAVE, window)
                .warmedUp();
        Workload batched = new Workload("runware", jobs, run, Suite.LATENCY, null, true, false).inWaves(WAVE, window)
                .warmedUp();
        Workload fal = new Workload("fal", jobs, run, Suite.LATENCY, null, false, false).inWaves(WAVE, window).warmedUp();
        // as many jobs as fit in the window at five at a time, at least five
        int few = (int) Math.max(FAL_CLIENT_STREAMS, FAL_CLIENT_STREAMS * (window.toMillis() * 4 / Math.max(1, run.toMillis())));
        Workload falFew = new Workload("fal", few, run, Suite.LATENCY, null, false, false);
        return List.of(() -> ScaleSuite.videogen4j(runware, jvm), () -> ScaleSuite.videogen4j(batched, jvm),
                () -> ScaleSuite.videogen4j(fal, jvm), () -> ScaleSuite.falClient(fal, 0, jvm),
                () -> ScaleSuite.falClient(falFew, FAL_CLIENT_STREAMS, jvm));
    }

    private static List<Future<ScaleSuite.Run>> submit(ExecutorService pool, List<Supplier<ScaleSuite.Run>> runs) {
        List<Future<ScaleSuite.Run>> out = new ArrayList<>();
        for (Supplier<ScaleSuite.Run> r : runs) out.add(pool.submit(r::get));
        return out;
    }
}
