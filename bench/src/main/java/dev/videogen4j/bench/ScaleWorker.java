package dev.videogen4j.bench;

import dev.videogen4j.VideoClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * B2/B3 inside the measured JVM: submits every job of the {@link Workload} at once through one videogen4j
 * client, waits for all, and reports wall time, threads, heap and CPU. The calling thread submits and then
 * samples; it is the only thread the harness adds.
 *
 * <pre>{@code
 * ScaleResult r = ScaleWorker.run(workload, emulatorBaseUrl);
 * }</pre>
 */
final class ScaleWorker {
    private ScaleWorker() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        ScaleResult r = run(Workload.fromArgs(a), a.get("emulator"), () -> {
            // the parent notes the emulator's counters between the warm-up and the measured jobs
            System.out.println("WARM");
            System.out.flush();
            try {
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("RESULT " + r.toJson());
    }

    static ScaleResult run(Workload w, String emulatorBase) throws Exception {
        return run(w, emulatorBase, () -> { });
    }

    /**
     * {@code afterWarmup} runs once the warm-up job (if any) and the warm-up burst (if any) have ended, before the
     * measured jobs start; the measured figures (CPU, peak threads and heap) are taken from then on.
     */
    static ScaleResult run(Workload w, String emulatorBase, Runnable afterWarmup) throws Exception {
        Monitor monitor = new Monitor();
        try (WebhookReceiver hooks = w.webhook() ? WebhookReceiver.start(w.provider(), emulatorBase) : null;
             VideoClient client = client(w, emulatorBase)) {
            if (hooks != null) hooks.deliverTo(client);
            Epoch epoch = new Epoch();
            String[] warmup = w.warmup() ? warmup(client, w, epoch) : new String[] {null, null};
            if (w.burst() > 0) burst(client, w);
            if (w.warmup()) afterWarmup.run();
            long base = monitor.liveHeap();
            monitor.reset();
            long cpu0 = monitor.cpuNanos();
            int n = w.jobs();
            long[] accepted = new long[n];
            long[] done = new long[n];
            String[] ids = new String[n];
            AtomicInteger acceptedCount = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<Throwable> firstError = new AtomicReference<>();
            CompletableFuture<?>[] jobs = new CompletableFuture<?>[n];
            long t0 = System.nanoTime();
            long[] ticks0 = Monitor.machineTicks();
            JvmThreadCpu jvm0 = JvmThreadCpu.now();
            for (int i = 0; i < n; i++) {
                int k = i;
                pace(monitor, t0 + w.dueNanos(k));
                jobs[k] = client.submitAsync(Requests.imageToVideo(w.provider(), k, hooks == null ? null : hooks.url()))
                        .thenCompose(job -> {
                            accepted[k] = System.nanoTime();
                            ids[k] = job.jobId().nativeJobId();
                            acceptedCount.incrementAndGet();
                            return client.awaitAsync(job.jobId(), Duration.ofMinutes(10));
                        }).whenComplete((r, e) -> {
                            done[k] = System.nanoTime();
                            ended.incrementAndGet();
                            if (e != null && failed.incrementAndGet() == 1) firstError.set(e);
                        });
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(jobs);
            long liveInFlight = -1;
            int inFlightAtSample = 0;
            double submitCpu = -1;
            double submitBusy = -1;
            JvmThreadCpu submitJvm = JvmThreadCpu.UNKNOWN;
            while (!all.isDone()) {
                monitor.sample();
                if (liveInFlight < 0 && acceptedCount.get() == n) {
                    // the submit phase, first submit to last acceptance: this process's CPU and the machine's
                    long[] ticks = Monitor.machineTicks();
                    submitCpu = (monitor.cpuNanos() - cpu0) / 1e9;
                    submitJvm = JvmThreadCpu.now().minus(jvm0);
                    submitBusy = ticks[1] == ticks0[1] ? -1 : (double) (ticks[0] - ticks0[0]) / (ticks[1] - ticks0[1]);
                    inFlightAtSample = n - ended.get();
                    liveInFlight = monitor.liveHeap();
                }
                try {
                    all.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException notYet) {
                    // keep sampling until every job has ended, one way or the other
                }
            }
            double cpu = (monitor.cpuNanos() - cpu0) / 1e9;
            double[] life = new double[n];
            long last = 0;
            long end = 0;
            Map<String, Long> doneAt = new LinkedHashMap<>();
            if (warmup[0] != null) doneAt.put(warmup[0], Long.parseLong(warmup[1]));
            for (int i = 0; i < n; i++) {
                last = Math.max(last, accepted[i]);
                end = Math.max(end, done[i]);
                life[i] = (done[i] - accepted[i]) / 1e9;
                if (ids[i] != null && !jobs[i].isCompletedExceptionally()) doneAt.put(ids[i], epoch.micros(done[i]));
            }
            Arrays.sort(life);
            Throwable e = firstError.get();
            return new ScaleResult(n, n - failed.get(), failed.get(), e == null ? null : String.valueOf(e),
                    (end - t0) / 1e9, (last - t0) / 1e9, pct(life, 0.50), pct(life, 0.99), life[n - 1],
                    monitor.peakThreads(), monitor.threadsAtPeak(), monitor.peakHeap(), base, liveInFlight,
                    inFlightAtSample, cpu, doneAt, warmup[0], submitCpu, submitBusy,
                    submitJvm.jitSeconds(), submitJvm.gcSeconds());
        }
    }

    /** One job like the measured ones, to its end: {@code [its id, when its result was in hand (µs)]}. */
    private static String[] warmup(VideoClient client, Workload w, Epoch epoch) {
        var job = client.submit(Requests.imageToVideo(w.provider(), 1_000_000_000L));
        client.awaitAsync(job.jobId(), Duration.ofMinutes(10)).join();
        return new String[] {job.jobId().nativeJobId(), String.valueOf(epoch.micros(System.nanoTime()))};
    }

    /**
     * {@code w.burst()} jobs like the measured ones at once, all awaited: the hot paths run once per job, so the JIT
     * compiler has compiled them before the measured jobs, as in a client in service. Their outcomes are not
     * figures (the measured jobs report their own failures), so a failed one only ends its wait.
     */
    private static void burst(VideoClient client, Workload w) {
        CompletableFuture<?>[] jobs = new CompletableFuture<?>[w.burst()];
        for (int k = 0; k < jobs.length; k++) {
            jobs[k] = client.submitAsync(Requests.imageToVideo(w.provider(), 2_000_000_000L + k))
                    .thenCompose(job -> client.awaitAsync(job.jobId(), Duration.ofMinutes(10)))
                    .exceptionally(failed -> null);
        }
        CompletableFuture.allOf(jobs).join();
    }

    /** Waits, sampling, until {@code nanoTime} has come: N1 submits its jobs at a steady pace. */
    static void pace(Monitor monitor, long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            monitor.sample();
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
        }
    }

    private static VideoClient client(Workload w, String emulatorBase) {
        var b = Clients.builder(w.provider(), emulatorBase, w.poll(), w.batched());
        if (w.maxCalls() > 0) b.maxConcurrentCalls(w.maxCalls());
        // jobs with a webhook are polled only as a safety net, long after they end
        if (w.webhook()) b.webhookSafetyPoll(Duration.ofMinutes(5));
        // B5: instance A of two on a PostgreSQL job store (the process exits without closing it)
        String store = System.getProperty("videogen4j.bench.store");
        if (store != null) b.jobStore(StoreWorker.store(store, "A"));
        return b.build();
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
