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

    /** Invariants, so a builder setter fails as the environment does, not later inside Resilience4j. */
    public ResilienceSettings {
        check(maxAttempts >= 1, "retry attempts must be at least 1 (1 = no retry), got " + maxAttempts);
        check(positive(initialBackoff), "initial retry backoff must be longer than zero, got " + initialBackoff);
        check(multiplier >= 1.0 && !Double.isInfinite(multiplier), "retry multiplier must be a finite number >= 1, got " + multiplier);
        check(maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
                "max retry backoff must be at least the initial backoff " + initialBackoff + ", got " + maxBackoff);
        check(jitter >= 0 && jitter < 1, "retry jitter must be in [0, 1), got " + jitter);
        check(maxRetryAfter != null && !maxRetryAfter.isNegative(), "max Retry-After must not be negative, got " + maxRetryAfter);
        check(failureRateThreshold > 0 && failureRateThreshold <= 100,
                "circuit failure rate must be in (0, 100] percent, got " + failureRateThreshold);
        check(slidingWindowSize >= 1 && minimumCalls >= 1 && halfOpenCalls >= 1,
                "circuit window, minimum calls and half-open calls must be at least 1, got " + slidingWindowSize + ", "
                        + minimumCalls + ", " + halfOpenCalls);
        check(positive(openDuration), "circuit open duration must be longer than zero, got " + openDuration);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new dev.videogen4j.error.ConfigurationException(message);
    }

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
