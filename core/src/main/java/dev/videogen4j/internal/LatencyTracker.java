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
    private final Map<String, Double> ewmaMillis = new ConcurrentHashMap<>();

    public void record(String provider, String model, Duration latency) {
        ewmaMillis.merge(provider + "/" + model, (double) latency.toMillis(),
                (old, now) -> old + WEIGHT * (now - old));
    }

    public Optional<Duration> estimate(String provider, String model) {
        return Optional.ofNullable(ewmaMillis.get(provider + "/" + model)).map(ms -> Duration.ofMillis(Math.round(ms)));
    }
}
