package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observed end-to-end latency (queue + run) per provider/model, as an exponentially weighted moving average so
 * recent jobs count most. Feeds the {@code fastest} routing policy.
 */
public final class LatencyTracker {
    private static final double WEIGHT = 0.3;
    // Provider, then model: no "provider/model" string built and hashed on every finished job.
    private final Map<String, Map<String, Double>> ewmaMillis = new ConcurrentHashMap<>();

    public void record(String provider, String model, Duration latency) {
        ewmaMillis.computeIfAbsent(provider, p -> new ConcurrentHashMap<>()).merge(model, (double) latency.toMillis(),
                (old, now) -> old + WEIGHT * (now - old));
    }

    public Optional<Duration> estimate(String provider, String model) {
        Map<String, Double> byModel = ewmaMillis.get(provider);
        return Optional.ofNullable(byModel == null ? null : byModel.get(model)).map(ms -> Duration.ofMillis(Math.round(ms)));
    }
}
