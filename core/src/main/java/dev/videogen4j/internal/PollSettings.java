package dev.videogen4j.internal;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How often a job is polled: the first poll after {@code initialDelay}, each later one {@code multiplier} times
 * further apart, never more than {@code maxDelay}. Defaults 2 s, ×1.5, 10 s — in line with the vendors' own
 * clients (Runware's Python SDK: 1 s then ×1.5 to 10 s).
 */
public record PollSettings(Duration initialDelay, double multiplier, Duration maxDelay) {
    // Resilience4j's exponential backoff, the same arithmetic as the retries' (without their jitter).
    private IntervalFunction backoffOf() {
        return IntervalFunction.ofExponentialBackoff(initialDelay, multiplier, maxDelay);
    }

    public static final PollSettings DEFAULTS = new PollSettings(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10));

    public PollSettings {
        // The same rules whether the values come from the environment or from the builder, and the same exception.
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new dev.videogen4j.error.ConfigurationException("poll multiplier must be a finite number >= 1, got " + multiplier);
        }
        if (initialDelay == null || maxDelay == null || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new dev.videogen4j.error.ConfigurationException("poll delays must not be negative and maxDelay >= initialDelay, got "
                    + initialDelay + " and " + maxDelay);
        }
    }

    /** The delay before poll number {@code n} (0-based). */
    public Duration delay(int n) {
        // Zero (tests that poll as fast as they can) is below what Resilience4j's interval functions accept.
        return initialDelay.toMillis() < 1 ? maxDelay : Duration.ofMillis(backoffOf().apply(n + 1));
    }

    /** The delay before the next poll of a job followed for {@code elapsed}, as if polled on this schedule since. */
    public Duration delayAfter(Duration elapsed) {
        long spent = 0;
        for (int n = 0; n < 64; n++) {
            Duration d = delay(n);
            spent += d.toMillis();
            if (spent > elapsed.toMillis() || d.equals(maxDelay)) return d;
        }
        return maxDelay;
    }

    public PollSettings overriddenBy(Settings s) {
        return new PollSettings(s.positiveDuration("VIDEOGEN4J_POLL_INITIAL_DELAY").orElse(initialDelay),
                s.decimal("VIDEOGEN4J_POLL_MULTIPLIER", 1, 100).orElse(multiplier),
                s.positiveDuration("VIDEOGEN4J_POLL_MAX_DELAY").orElse(maxDelay));
    }
}
