package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * When to poll a job next. Pure arithmetic on durations (no clock, no state), so every case is a plain test.
 *
 * <p>With no history for the job's model, or with learning switched off, the configured {@link PollSettings}
 * back-off is the schedule (2 s, ×1.5, at most 10 s by default). With an {@code expected} run time — learned by
 * {@link RunTimes} from the jobs of the same provider and model that finished before — a job is polled first at
 * the expected end plus a small margin, where one poll usually finds it done; if not, every {@link #DENSE} for a
 * while (a job that is a little late is noticed within half a second); then, for a job far past its usual time,
 * further apart (half the time it is overdue, at most the configured ceiling), so a stuck job costs few requests.
 *
 * <pre>{@code
 * PollSchedule s = new PollSchedule(PollSettings.DEFAULTS, true);
 * s.next(0, Duration.ZERO, Duration.ofSeconds(10));          // 10.5 s: first poll just after the usual end
 * s.next(1, Duration.ofMillis(10_500), Duration.ofSeconds(10)); // 0.5 s: late, look again soon
 * s.next(0, Duration.ZERO, null);                            // 2 s: no history, the configured back-off
 * }</pre>
 *
 * <p>A job that fails early is noticed at its model's usual end rather than on the back-off: the price of one
 * request per job instead of five. Cancelling a job, or a webhook, polls at once whatever the schedule says.
 */
record PollSchedule(PollSettings fallback, boolean adaptive) {
    /** How often a job past its expected end is polled, until {@link #denseWindow} is over. */
    static final Duration DENSE = Duration.ofMillis(500);
    private static final Duration MIN_MARGIN = Duration.ofMillis(200);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(2);
    private static final Duration MIN_DENSE_WINDOW = Duration.ofSeconds(5);
    private static final Duration NEAR = Duration.ofMillis(100);

    PollSchedule {
        Objects.requireNonNull(fallback, "fallback == null");
    }

    /**
     * The delay before poll number {@code n} (0-based) of a job that has run for {@code elapsed}; {@code expected}
     * is its model's usual run time, or null when none is known.
     */
    Duration next(int n, Duration elapsed, Duration expected) {
        return !adaptive || expected == null ? fallback.delay(n) : adaptive(elapsed, expected);
    }

    /** Like {@link #next}, for a poller that counts no polls (a store's scheduler): the back-off by age. */
    Duration nextByAge(Duration elapsed, Duration expected) {
        return !adaptive || expected == null ? fallback.delayAfter(elapsed) : adaptive(elapsed, expected);
    }

    private Duration adaptive(Duration elapsed, Duration expected) {
        // The configured ceiling still bounds every wait after the first: a user who polls every 100 ms keeps it.
        Duration dense = min(DENSE, fallback.maxDelay());
        Duration first = expected.plus(margin(expected));
        // A poll that went out a hair before the aimed-at time (timer jitter) counts as that first poll.
        if (first.minus(elapsed).compareTo(NEAR) > 0) return first.minus(elapsed);
        Duration overdue = elapsed.minus(first);
        if (overdue.compareTo(denseWindow(expected)) < 0) return dense;
        return max(dense, min(overdue.dividedBy(2), fallback.maxDelay()));
    }

    /** How far past the expected end the first poll goes: 5 % of it, from 0.2 s to 2 s. */
    static Duration margin(Duration expected) {
        return max(MIN_MARGIN, min(Duration.ofMillis(expected.toMillis() / 20), MAX_MARGIN));
    }

    /** How long a late job is polled every {@link #DENSE}: a quarter of its expected run time, at least 5 s. */
    static Duration denseWindow(Duration expected) {
        return max(MIN_DENSE_WINDOW, expected.dividedBy(4));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
