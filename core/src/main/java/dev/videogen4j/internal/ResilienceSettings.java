package dev.videogen4j.internal;

import java.time.Duration;

/**
 * Retry and circuit breaker settings for one provider. Defaults: 4 attempts, exponential backoff from 500 ms
 * doubling to 30 s with ±50 % jitter, a {@code Retry-After} up to 60 s honoured as given; the breaker opens at
 * a 50 % failure rate over the last 20 calls (after at least 10), stays open 30 s, then lets 3 trial calls through.
 */
public record ResilienceSettings(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                                 double jitter, Duration maxRetryAfter, float failureRateThreshold,
                                 int slidingWindowSize, int minimumCalls, Duration openDuration,
                                 int halfOpenCalls) {
    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(4, Duration.ofMillis(500), 2.0,
            Duration.ofSeconds(30), 0.5, Duration.ofSeconds(60), 50f, 20, 10, Duration.ofSeconds(30), 3);

    /**
     * These settings with every key present in {@code s} under {@code prefix} applied.
     *
     * @throws dev.videogen4j.error.ConfigurationException naming the variable when a value is out of range
     */
    public ResilienceSettings overriddenBy(Settings s, String prefix) {
        return new ResilienceSettings(
                s.integer(prefix + "RETRY_MAX_ATTEMPTS", 1).orElse(maxAttempts),
                s.positiveDuration(prefix + "RETRY_INITIAL_BACKOFF").orElse(initialBackoff),
                s.decimal(prefix + "RETRY_MULTIPLIER", 1, 100).orElse(multiplier),
                s.positiveDuration(prefix + "RETRY_MAX_BACKOFF").orElse(maxBackoff),
                s.decimal(prefix + "RETRY_JITTER", 0, 1).orElse(jitter),
                s.duration(prefix + "RETRY_MAX_RETRY_AFTER").orElse(maxRetryAfter),
                s.decimal(prefix + "CIRCUIT_FAILURE_RATE", 1, 100).map(Double::floatValue).orElse(failureRateThreshold),
                s.integer(prefix + "CIRCUIT_WINDOW", 1).orElse(slidingWindowSize),
                s.integer(prefix + "CIRCUIT_MIN_CALLS", 1).orElse(minimumCalls),
                s.positiveDuration(prefix + "CIRCUIT_OPEN_DURATION").orElse(openDuration),
                s.integer(prefix + "CIRCUIT_HALF_OPEN_CALLS", 1).orElse(halfOpenCalls));
    }
}
