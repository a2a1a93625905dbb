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
 */
record Workload(String provider, int jobs, Duration run, Duration latency, Duration poll, boolean batched,
                boolean webhook, int maxCalls) {
    Workload(String provider, int jobs, Duration run, Duration latency, Duration poll, boolean batched, boolean webhook) {
        this(provider, jobs, run, latency, poll, batched, webhook, 0);
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
        return Args.format(a);
    }

    static Workload fromArgs(Map<String, String> a) {
        return new Workload(a.get("provider"), Args.integer(a, "jobs", 100), Args.duration(a, "run", Duration.ZERO),
                Args.duration(a, "latency", Duration.ZERO), Args.duration(a, "poll", null), Args.bool(a, "batched"),
                Args.bool(a, "webhook"), Args.integer(a, "maxCalls", 0));
    }

    /** How the run is labelled in the report. */
    String label() {
        String how = provider.equals("runware") ? (batched ? "Runware, batched" : "Runware, one task per request")
                : "fal";
        how = webhook ? how + ", webhooks" : how;
        return maxCalls > 0 ? how + ", " + maxCalls + " concurrent calls" : how;
    }

    String pollLabel() {
        return poll == null ? "default backoff (2 s ×1.5 → 10 s)" : "every " + Report.seconds(poll);
    }
}
