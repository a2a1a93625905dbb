package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * When to poll a job next. Pure arithmetic on durations (no clock, no state), so every case is a plain test.
 *
 * <p>With no history for the job's model, or with learning switched off, the configured {@link PollSettings}
 * back-off is the schedule (2 s, ×1.5, at most 10 s by default). With an {@code expected} run time and margin —
 * learned by {@link RunTimes} from the jobs of the same provider and model that finished before — a job is polled
 * first at the expected end plus the margin, where one poll usually finds it done; if not, every {@link #DENSE} for a
 * while (a job that is a little late is noticed within half a second); then, for a job far past its usual time,
 * further apart (half the time it is overdue, at most the configured ceiling), so a stuck job costs few requests.
 *
 * <pre>{@code
 * PollSchedule s = new PollSchedule(PollSettings.DEFAULTS, true);
 * RunTimes.Expected tenSeconds = new RunTimes.Expected(Duration.ofSeconds(10), Duration.ofMillis(300));
 * s.next(0, Duration.ZERO, tenSeconds);                  // 10.3 s: first poll just after the usual end
 * s.next(1, Duration.ofMillis(10_300), tenSeconds);      // 0.5 s: late, look again soon
 * s.next(0, Duration.ZERO, null);                        // 2 s: no history, the configured back-off
 * }</pre>
 *
 * <p>A job that fails early is noticed at its model's usual end rather than on the back-off: the price of one
 * request per job instead of five. Cancelling a job, or a webhook, polls at once whatever the schedule says.
 */
record PollSchedule(PollSettings fallback, boolean adaptive) {
    /** How often a job past its expected end is polled, until {@link #denseWindow} is over. */
    static final Duration DENSE = Duration.ofMillis(500);
    private static final Duration MIN_DENSE_WINDOW = Duration.ofSeconds(5);
    private static final Duration NEAR = Duration.ofMillis(100);
    static final int SCOUT_SHARE = 240;

    PollSchedule {
        Objects.requireNonNull(fallback, "fallback == null");
    }

    /**
     * The delay before poll number {@code n} (0-based) of a job that has run for {@code elapsed}; {@code expected}
     * is its model's usual run time and first-poll margin, or null when none is known.
     */
    Duration next(int n, Duration elapsed, RunTimes.Expected expected) {
        return !adaptive || expected == null ? fallback.delay(n) : adaptive(elapsed, expected);
    }

    /** Like {@link #next}, for a poller that counts no polls (a store's scheduler): the back-off by age. */
    Duration nextByAge(Duration elapsed, RunTimes.Expected expected) {
        return !adaptive || expected == null ? fallback.delayAfter(elapsed) : adaptive(elapsed, expected);
    }

    /**
     * The delay before the next poll of a model's scout (see {@link LearnedSchedule}): every half second for its
     * first two minutes, then {@value #SCOUT_SHARE}th of its age, never more than the configured ceiling; under a
     * {@code configured} schedule never more often than its first delay either. The scout's last two polls bound
     * its model's run time for every job after it: a window as wide as a back-off step would leave the first polls
     * of the next jobs seconds early or late (N1's 120 s jobs: 4 s apart at a thirtieth of the age), and all the
     * jobs sent before the next one ends are aimed by it.
     */
    Duration scout(Duration elapsed, boolean configured) {
        Duration step = max(DENSE, Duration.ofMillis(elapsed.toMillis() / SCOUT_SHARE));
        if (configured) step = max(step, fallback.initialDelay());
        return min(step, fallback.maxDelay());
    }

    private Duration adaptive(Duration elapsed, RunTimes.Expected expected) {
        // The configured ceiling still bounds the margin and every wait after the first poll: a user who polls as
        // soon as an answer is in (ceiling zero) keeps doing so.
        Duration dense = min(DENSE, fallback.maxDelay());
        Duration first = expected.runTime().plus(min(expected.margin(), fallback.maxDelay()));
        // A poll that went out a hair before the aimed-at time (timer jitter) counts as that first poll.
        if (first.minus(elapsed).compareTo(NEAR) > 0) return first.minus(elapsed);
        Duration overdue = elapsed.minus(first);
        if (overdue.compareTo(denseWindow(expected.runTime())) < 0) return dense;
        return max(dense, min(divided(overdue, 2), fallback.maxDelay()));
    }

    /**
     * How much later than now a poll planned earlier should go, now that {@code expected} is what it is: the rest
     * of the wait to the expected first poll when that is still ahead, else zero (poll now).
     */
    Duration postpone(Duration elapsed, RunTimes.Expected expected) {
        if (!adaptive || expected == null) return Duration.ZERO;
        Duration first = expected.runTime().plus(min(expected.margin(), fallback.maxDelay()));
        Duration rest = first.minus(elapsed);
        return rest.compareTo(NEAR) > 0 ? rest : Duration.ZERO;
    }

    /** How long a late job is polled every {@link #DENSE}: a quarter of its expected run time, at least 5 s. */
    static Duration denseWindow(Duration expected) {
        return max(MIN_DENSE_WINDOW, divided(expected, 4));
    }

    // Duration.dividedBy(long) divides through BigDecimal, on every poll of every job: the same exact quotient here.
    static Duration divided(Duration d, int k) {
        if (d.isNegative()) return d.dividedBy(k);
        return Duration.ofSeconds(d.getSeconds() / k, ((d.getSeconds() % k) * 1_000_000_000L + d.getNano()) / k);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
