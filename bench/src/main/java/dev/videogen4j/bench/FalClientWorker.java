package dev.videogen4j.bench;

import ai.fal.client.ClientConfig;
import ai.fal.client.CredentialsResolver;
import ai.fal.client.FalClient;
import ai.fal.client.SubscribeOptions;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * B4 inside the measured JVM: the same jobs through fal's official Java client ({@code ai.fal.client:fal-client}),
 * used as its README shows — {@code subscribe} (submit, status stream, result) blocking one thread per job —
 * pointed at the emulator through its proxy-URL setting ({@code x-fal-target-url}). {@code threads=0} gives
 * every job a thread of its own; otherwise jobs share a fixed pool of that many.
 *
 * <pre>{@code
 * ScaleResult r = FalClientWorker.run(500, 0, emulatorBaseUrl);
 * }</pre>
 */
final class FalClientWorker {
    private FalClientWorker() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        int jobs = Args.integer(a, "jobs", 10);
        ScaleResult r = run(jobs, Args.integer(a, "threads", 0), a.get("emulator"), new Workload("fal", jobs,
                Duration.ZERO, Duration.ZERO, null, false, false).inWaves(Args.integer(a, "wave", 1),
                Args.duration(a, "spread", Duration.ZERO)));
        System.out.println("RESULT " + r.toJson());
    }

    static ScaleResult run(int n, int threads, String emulatorBase) throws InterruptedException {
        return run(n, threads, emulatorBase, new Workload("fal", n, Duration.ZERO, Duration.ZERO, null, false, false));
    }

    /** {@code pace}: when each job is handed to the pool ({@link Workload#dueNanos}); its other fields are unused. */
    static ScaleResult run(int n, int threads, String emulatorBase, Workload pace) throws InterruptedException {
        Monitor monitor = new Monitor();
        FalClient fal = FalClient.withConfig(ClientConfig.builder()
                .withCredentials(CredentialsResolver.fromApiKey(RemoteEmulator.FAL_KEY))
                .withProxyUrl(emulatorBase + "/fal-proxy").build());
        ExecutorService pool = threads == 0 ? Executors.newCachedThreadPool() : Executors.newFixedThreadPool(threads);
        long base = monitor.liveHeap();
        monitor.reset();
        long cpu0 = monitor.cpuNanos();
        long[] done = new long[n];
        String[] ids = new String[n];
        Epoch epoch = new Epoch();
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = i;
            ScaleWorker.pace(monitor, t0 + pace.dueNanos(k));
            pool.execute(() -> {
                try {
                    ids[k] = fal.subscribe(Requests.FAL_ENDPOINT, SubscribeOptions.<JsonObject>builder().input(input(k))
                            .resultType(JsonObject.class).logs(true).build()).getRequestId();
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() == 1) firstError.set(e);
                } finally {
                    done[k] = System.nanoTime();
                    ended.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(50, TimeUnit.MILLISECONDS)) monitor.sample();
        double cpu = (monitor.cpuNanos() - cpu0) / 1e9;
        long end = Arrays.stream(done).max().orElse(t0);
        Map<String, Long> doneAt = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) if (ids[i] != null) doneAt.put(ids[i], epoch.micros(done[i]));
        Throwable e = firstError.get();
        fal.queue();   // the client holds no resources to release; keep it reachable to the end
        return new ScaleResult(n, n - failed.get(), failed.get(), e == null ? null : String.valueOf(e),
                (end - t0) / 1e9, -1, -1, -1, -1, monitor.peakThreads(),
                monitor.threadsAtPeak(), monitor.peakHeap(), base, -1, 0, cpu, doneAt, null, -1, -1, -1, -1);
    }

    private static Map<String, Object> input(long n) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("prompt", Requests.prompt(n));
        in.put("image_url", Requests.FAL_IMAGE);
        in.put("duration", "5");
        in.put("negative_prompt", Requests.NEGATIVE);
        in.put("cfg_scale", 0.6);
        return in;
    }
}
