package dev.videogen4j.internal;

import java.time.Duration;

/**
 * How often a job is polled: the first poll after {@code initialDelay}, each later one {@code multiplier} times
 * further apart, never more than {@code maxDelay}. Defaults 2 s, ×1.5, 10 s — in line with the vendors' own
 * clients (Runware's Python SDK: 1 s then ×1.5 to 10 s).
 */
public record PollSettings(Duration initialDelay, double multiplier, Duration maxDelay) {
    public static final PollSettings DEFAULTS = new PollSettings(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10));

    public PollSettings {
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("poll multiplier must be >= 1, got " + multiplier);
        }
    }

    /** The delay before poll number {@code n} (0-based). */
    public Duration delay(int n) {
        double ms = initialDelay.toMillis() * Math.pow(multiplier, n);
        return Duration.ofMillis((long) Math.min(ms, maxDelay.toMillis()));
    }

    public PollSettings overriddenBy(Settings s) {
        return new PollSettings(s.positiveDuration("VIDEOGEN4J_POLL_INITIAL_DELAY").orElse(initialDelay),
                s.decimal("VIDEOGEN4J_POLL_MULTIPLIER", 1, 100).orElse(multiplier),
                s.positiveDuration("VIDEOGEN4J_POLL_MAX_DELAY").orElse(maxDelay));
    }
}
