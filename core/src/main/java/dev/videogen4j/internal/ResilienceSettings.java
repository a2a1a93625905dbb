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

    /** These settings with every key present in {@code s} under {@code prefix} applied. */
    public ResilienceSettings overriddenBy(Settings s, String prefix) {
        return new ResilienceSettings(
                s.integer(prefix + "RETRY_MAX_ATTEMPTS").orElse(maxAttempts),
                s.duration(prefix + "RETRY_INITIAL_BACKOFF").orElse(initialBackoff),
                s.decimal(prefix + "RETRY_MULTIPLIER").orElse(multiplier),
                s.duration(prefix + "RETRY_MAX_BACKOFF").orElse(maxBackoff),
                s.decimal(prefix + "RETRY_JITTER").orElse(jitter),
                s.duration(prefix + "RETRY_MAX_RETRY_AFTER").orElse(maxRetryAfter),
                s.decimal(prefix + "CIRCUIT_FAILURE_RATE").map(Double::floatValue).orElse(failureRateThreshold),
                s.integer(prefix + "CIRCUIT_WINDOW").orElse(slidingWindowSize),
                s.integer(prefix + "CIRCUIT_MIN_CALLS").orElse(minimumCalls),
                s.duration(prefix + "CIRCUIT_OPEN_DURATION").orElse(openDuration),
                s.integer(prefix + "CIRCUIT_HALF_OPEN_CALLS").orElse(halfOpenCalls));
    }
}
