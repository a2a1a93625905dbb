package dev.videogen4j;

import dev.videogen4j.internal.PollSettings;
import java.time.Duration;

/**
 * How often a client polls a job of a model it has no run time for yet (and with {@code VIDEOGEN4J_POLL_ADAPTIVE=false},
 * every job): the first poll {@code initialDelay} after the submit, each later one {@code multiplier} times further
 * apart, never more than {@code maxDelay}, which also caps every wait of the learned schedule. The defaults are 2 s,
 * ×1.5 and 10 s, in line with the vendors' own clients. Webhooks, where configured, end a job sooner.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .pollInterval(new PollBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
 *         .build();
 * PollBackoff.DEFAULTS.delay(0);   // PT2S, then PT3S, PT4.5S, PT6.75S, PT10S, PT10S...
 * }</pre>
 *
 * @param initialDelay from the submit to the first poll; not negative
 * @param multiplier   the growth of each delay over the one before; a finite number of at least 1
 * @param maxDelay     the longest delay between two polls; at least {@code initialDelay}
 */
public record PollBackoff(Duration initialDelay, double multiplier, Duration maxDelay) {
    /** 2 s, ×1.5, at most 10 s (also what {@code VIDEOGEN4J_POLL_*} settings override). */
    public static final PollBackoff DEFAULTS = of(PollSettings.DEFAULTS);

    /** @throws dev.videogen4j.error.ConfigurationException when a rule of the parameters is broken */
    public PollBackoff {
        settings(initialDelay, multiplier, maxDelay);   // the engine's own checks and messages
    }

    /** The delay before poll number {@code n}, counted from 0. */
    public Duration delay(int n) {
        return settings(initialDelay, multiplier, maxDelay).delay(n);
    }

    PollSettings settings() {
        return settings(initialDelay, multiplier, maxDelay);
    }

    private static PollSettings settings(Duration initialDelay, double multiplier, Duration maxDelay) {
        return new PollSettings(initialDelay, multiplier, maxDelay);
    }

    private static PollBackoff of(PollSettings s) {
        return new PollBackoff(s.initialDelay(), s.multiplier(), s.maxDelay());
    }
}
