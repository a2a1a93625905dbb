package dev.videogen4j.internal;

import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each job's poll schedule from what the jobs of its provider and model taught ({@link RunTimes}, arithmetic in
 * {@link PollSchedule}). While a model has no history, its first job is its <em>scout</em>: it is polled every
 * half second (a 240th of its age once older than two minutes) so that its end, and with it the model's run time,
 * is known within half a second: a 10 s job costs 20 polls, a 2 min job 240, a 10 min job about 630, once per
 * model and client. The other jobs are re-planned when the first estimate arrives ({@link #learn} says so), so
 * a burst of 10,000 jobs sent to a fresh client is not noticed a back-off step late; until then they are polled
 * only at the configured ceiling (10 s), a safety net should the scout hang, instead of a back-off round per step
 * (B3: 1,000 jobs of 10 s, batched, 71 requests with those rounds). Where the application configured the poll
 * schedule, the other jobs keep it, and a lone first job keeps it too: it scouts only once other jobs of its
 * model wait on it.
 *
 * <pre>{@code
 * Duration wait = learned.next(tracker, pollNumber, clock.instant());
 * if (learned.learn(tracker, status, clock.instant())) replanOtherJobsOf(tracker);
 * }</pre>
 */
final class LearnedSchedule {
    private final PollSchedule schedule;
    private final boolean scoutAlone;
    private final RunTimes runTimes = new RunTimes();
    private final Map<String, Scout> scouts = new ConcurrentHashMap<>();

    /** A model's first job while it has no history; {@code wanted} once another job of the model waits on it. */
    private static final class Scout {
        final JobTracker job;
        volatile boolean wanted;

        Scout(JobTracker job) {
            this.job = job;
        }
    }

    /** {@code scoutAlone}: a model's first job scouts even when no other job waits on it. */
    LearnedSchedule(PollSchedule schedule, boolean scoutAlone) {
        this.schedule = schedule;
        this.scoutAlone = scoutAlone;
    }

    /** The delay before poll number {@code n} of {@code t}. */
    Duration next(JobTracker t, int n, Instant now) {
        RunTimes.Expected expected = expected(t);
        Duration elapsed = t.elapsed(now);
        // A job with a webhook learns its end from the webhook: it does not scout.
        if (expected == null && schedule.adaptive() && t.startKnown() && t.request.webhookUrl() == null) {
            Scout s = scout(t, now);
            if (s.job == t && (s.wanted || scoutAlone)) return schedule.scout(elapsed, !scoutAlone);
            // Under the default schedule the jobs that wait on a scout are re-planned when it ends: meanwhile only
            // the ceiling's polls, so a burst into a fresh client does not pay a back-off round per step.
            if (s.job != t && scoutAlone) return schedule.fallback().maxDelay();
        }
        return schedule.next(n, elapsed, expected);
    }

    /** The delay before the next poll of {@code t}, {@code age} old, for a poller that counts no polls. */
    Duration byAge(JobTracker t, Duration age) {
        return schedule.nextByAge(age, expected(t));
    }

    /** How long until the first-poll time of {@code t} by its model's estimate; zero when that has passed. */
    Duration untilFirst(JobTracker t, Instant now) {
        return schedule.untilFirst(t.elapsed(now), expected(t));
    }

    /**
     * How much later a poll of {@code t} planned earlier should go, by the estimate now (zero: poll now). Only a
     * first poll moves: a job a poll already saw running past its aimed-at end is late, and so, most likely, are
     * the jobs sent with it, whose ends are what moved the estimate; its dense polls go on as planned.
     */
    Duration postpone(JobTracker t, Instant now) {
        return t.pendingAt() != null ? Duration.ZERO : schedule.postpone(t.elapsed(now), expected(t));
    }

    /**
     * Records what a poll or stream saw of {@code t}; true when that gave its model its first estimate (the other
     * jobs of the model may now be polled sooner).
     */
    boolean learn(JobTracker t, JobStatus s, Instant now) {
        Duration elapsed = t.elapsed(now);
        if (s.state() == JobState.QUEUED || s.state() == JobState.RUNNING) {
            t.pending(elapsed);
            return false;
        }
        if (s.state() != JobState.SUCCEEDED || !t.startKnown()) return false;
        boolean first = expected(t) == null;
        runTimes.learn(t.provider.id(), t.id.model(), t.pendingAt(), elapsed);
        return first && schedule.adaptive();
    }

    boolean sameModel(JobTracker a, JobTracker b) {
        return a.provider.id().equals(b.provider.id()) && a.id.model().equals(b.id.model());
    }

    private RunTimes.Expected expected(JobTracker t) {
        return runTimes.expected(t.provider.id(), t.id.model()).orElse(null);
    }

    // One scout per model: the first job with no history, unless it ended or was released. Under a configured
    // schedule it scouts only once another job of the model waits on it: a lone job keeps the configured back-off.
    private Scout scout(JobTracker t, Instant now) {
        String key = t.provider.id() + '\n' + t.id.model();
        Scout s = scouts.compute(key, (k, cur) -> cur == null || cur.job.result.isDone() || cur.job.released(now)
                ? new Scout(t) : cur);
        if (s.job != t) s.wanted = true;
        return s;
    }
}
