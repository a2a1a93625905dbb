package dev.videogen4j.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scale run: how many jobs at once, on which provider, how the client polls, and what the emulator
 * simulates. {@code poll} null means the library's default backoff (2 s, ×1.5, up to 10 s).
 *
 * <pre>{@code
 * Workload w = new Workload("runware", 10_000, Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(1),
 *         true, false);
 * }</pre>
 *
 * @param batched Runware's submits and polls batched (many {@code videoInference} / {@code getResponse} tasks
 *                to a request)
 * @param webhook jobs submitted with a webhook URL, their completions handed to {@code VideoClient.onWebhook}
 * @param maxCalls the client's {@code maxConcurrentCalls}, 0 for its default
 * @param spread the jobs are submitted in waves evenly over this window (zero: all at once)
 * @param wave jobs per wave, submitted together
 * @param warmup one job of the same kind first, awaited before the measured jobs start: the client has seen the
 *               model before (videogen4j learns each model's run time to aim its polls)
 * @param burst after the warm-up job, this many jobs of the same kind submitted at once and all awaited before the
 *              measured jobs start (0: none): a client in service, whose JIT compiler has compiled its hot paths
 */
record Workload(String provider, int jobs, Duration run, Duration latency, Duration poll, boolean batched,
                boolean webhook, int maxCalls, Duration spread, int wave, boolean warmup, int burst) {
    Workload {
        if (burst < 0) throw new IllegalArgumentException("burst must be 0 or more: " + burst);
        // the parent notes the emulator's counters once, after all warming: the burst follows the warm-up job
        if (burst > 0 && !warmup) throw new IllegalArgumentException("a warm-up burst needs the warm-up job first");
    }

    Workload(String provider, int jobs, Duration run, Duration latency, Duration poll, boolean batched, boolean webhook,
             int maxCalls) {
        this(provider, jobs, run, latency, poll, batched, webhook, maxCalls, Duration.ZERO, 1, false, 0);
    }

    Workload(String provider, int jobs, Duration run, Duration latency, Duration poll, boolean batched, boolean webhook) {
        this(provider, jobs, run, latency, poll, batched, webhook, 0);
    }

    /** The same jobs submitted in waves of {@code wave} jobs, evenly over {@code window}, instead of all at once. */
    Workload inWaves(int wave, Duration window) {
        return new Workload(provider, jobs, run, latency, poll, batched, webhook, maxCalls, window, wave, warmup, burst);
    }

    /** The same jobs after one warm-up job of the same kind, run to its end first: a long-lived client. */
    Workload warmedUp() {
        return new Workload(provider, jobs, run, latency, poll, batched, webhook, maxCalls, spread, wave, true, burst);
    }

    /** The same jobs after the warm-up job and then {@code burstJobs} more at once, all awaited: a client in service. */
    Workload afterBurst(int burstJobs) {
        return new Workload(provider, jobs, run, latency, poll, batched, webhook, maxCalls, spread, wave, true, burstJobs);
    }

    /** When job {@code k} is due, in nanoseconds after the first submit. */
    long dueNanos(int k) {
        int waves = (jobs + wave - 1) / wave;
        return waves <= 1 ? 0 : spread.toNanos() / waves * (k / wave);
    }

    List<String> toArgs() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("provider", provider);
        a.put("jobs", jobs);
        a.put("run", Args.text(run));
        a.put("latency", Args.text(latency));
        if (poll != null) a.put("poll", Args.text(poll));
        a.put("batched", batched);
        a.put("webhook", webhook);
        a.put("maxCalls", maxCalls);
        a.put("spread", Args.text(spread));
        a.put("wave", wave);
        a.put("warmup", warmup);
        a.put("burst", burst);
        return Args.format(a);
    }

    static Workload fromArgs(Map<String, String> a) {
        return new Workload(a.get("provider"), Args.integer(a, "jobs", 100), Args.duration(a, "run", Duration.ZERO),
                Args.duration(a, "latency", Duration.ZERO), Args.duration(a, "poll", null), Args.bool(a, "batched"),
                Args.bool(a, "webhook"), Args.integer(a, "maxCalls", 0), Args.duration(a, "spread", Duration.ZERO),
                Args.integer(a, "wave", 1), Args.bool(a, "warmup"),
                Args.integer(a, "burst", 0));
    }

    /** How the run is labelled in the report. */
    String label() {
        String how = provider.equals("runware") ? (batched ? "Runware, batched" : "Runware, one task per request")
                : "fal";
        how = webhook ? how + ", webhooks" : how;
        how = maxCalls > 0 ? how + ", " + maxCalls + " concurrent calls" : how;
        return burst > 0 ? how + ", after a warm-up burst" : how;
    }
}
