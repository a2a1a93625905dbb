package dev.videogen4j.internal;

import dev.videogen4j.JobStatus;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.VideoProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling: each poll is a task on the shared timer whose adapter call runs on the call executor, so thousands of
 * jobs in flight cost a few threads. One poll ({@link #pollOnce}) is also what a store's
 * {@link JobPollScheduler} runs, on whichever instance its task lands. A job whose awaits all timed out is
 * followed for the configured time, then released: its record stays, and a new await follows it again.
 */
final class JobPolling {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");
    /** How many batch windows past a window's opening a poll may be due and still join it. */
    static final int GATHER_WINDOWS = 3;

    private final EngineContext ctx;
    private final JobTable table;
    private final JobOutcomes outcomes;
    private final BooleanSupplier closed;
    private final Map<String, BatchPolls> batches = new ConcurrentHashMap<>();
    private final LearnedSchedule learned;

    JobPolling(EngineContext ctx, JobTable table, JobOutcomes outcomes, BooleanSupplier closed) {
        this.ctx = ctx;
        this.table = table;
        this.outcomes = outcomes;
        this.closed = closed;
        this.learned = new LearnedSchedule(new PollSchedule(ctx.settings().poll(), ctx.settings().adaptivePolls()),
                ctx.settings().scoutLoneJobs());
        ctx.settings().batches().forEach((id, b) -> {
            if (!b.polls()) return;
            VideoProvider p = ctx.provider(id);
            if (!(p instanceof BatchPoller)) {
                throw new ConfigurationException("Provider '" + id + "' cannot poll in batches");
            }
            Duration horizon = b.window().multipliedBy(GATHER_WINDOWS);
            batches.put(id, new BatchPolls((BatchPoller) p, ctx.guard(id), ctx.timer(), b.window(), b.max(),
                    () -> gather(id, horizon)));
        });
    }

    /** Follows a job from its first poll after the first delay. */
    void start(JobTracker t) {
        schedule(t, t.generation());
    }

    /** Follows a job from a poll now (a job known only by its id: nothing is known of it yet). */
    void startNow(JobTracker t) {
        int generation = t.generation();
        ctx.timer().execute(() -> pollNow(t, generation));
    }

    // A poll may be in flight (on the call executor, or waiting for a retry) when a cancel or webhook asks for one
    // now: the new chain replaces it, and the old poll's answer is still observed but schedules nothing, so a job
    // never ends up with two poll loops.
    void pollSoon(JobTracker t) {
        int generation = t.restartPolling();
        t.scheduled(ctx.timer().schedule(() -> pollNow(t, generation), 0, TimeUnit.MILLISECONDS));
    }

    /**
     * Schedules the next poll of chain {@code generation}, unless a newer chain replaced it (see pollSoon) or the
     * job was released. A job with a webhook is polled only at the safety interval when one is set.
     */
    private void schedule(JobTracker t, int generation) {
        if (t.result.isDone() || generation != t.generation()) return;
        if (t.released(ctx.clock().instant())) {
            release(t);
            return;
        }
        scheduleIn(t, generation, nextDelay(t));
    }

    private void scheduleIn(JobTracker t, int generation, Duration delay) {
        t.scheduled(ctx.timer().schedule(() -> firePlanned(t, generation), delay.toMillis(), TimeUnit.MILLISECONDS),
                ctx.clock().instant().plus(delay));
    }

    // A planned poll looks at the plan again when it fires: a job sent while its model's estimate was lower (a job
    // of the model has since ended later than expected) waits for the new first-poll time instead of polling early.
    private void firePlanned(JobTracker t, int generation) {
        Duration wait = onSafetyPoll(t) ? Duration.ZERO : learned.postpone(t, ctx.clock().instant());
        if (wait.isZero()) pollNow(t, generation);
        else if (generation == t.generation() && !t.result.isDone()) scheduleIn(t, generation, wait);
    }

    /**
     * The model of {@code known} has its first estimate: every other job of it whose next poll is due later than
     * the estimate says is re-planned (not the ones a webhook, a stream or a store's scheduler follows).
     */
    private void replan(JobTracker known) {
        Instant now = ctx.clock().instant();
        for (JobTracker t : table.all()) {
            Instant due = t.pollDueAt();
            if (t == known || !learned.sameModel(t, known) || t.result.isDone() || due == null || !due.isAfter(now)
                    || onSafetyPoll(t)) {
                continue;
            }
            // at the new first-poll time, or at once when that has passed (or is a hair away)
            Duration delay = learned.untilFirst(t, now);
            if (now.plus(delay).isBefore(due)) scheduleIn(t, t.restartPolling(), delay);
        }
    }

    /**
     * A batched poll of {@code provider} opened a window: the jobs of the provider whose planned polls come due
     * within {@code horizon} are polled now, in the same request. They go at most two windows early (the window
     * still passes before the request), well within the 0.1 s floor of a first poll's margin.
     */
    private void gather(String provider, Duration horizon) {
        Instant now = ctx.clock().instant();
        Instant until = now.plus(horizon);
        for (JobTracker t : table.all()) {
            Instant due = t.pollDueAt();
            if (!t.provider.id().equals(provider) || t.result.isDone() || due == null || !due.isAfter(now)
                    || due.isAfter(until) || onSafetyPoll(t)) {
                continue;
            }
            int generation = t.restartPolling();
            t.scheduled(null, null);
            pollNow(t, generation);
        }
    }

    private boolean onSafetyPoll(JobTracker t) {
        return ctx.settings().webhookSafetyPoll() != null && t.request != null && t.request.webhookUrl() != null;
    }

    Duration nextDelay(JobTracker t) {
        int n = t.nextPollNumber();
        return onSafetyPoll(t) ? ctx.settings().webhookSafetyPoll() : learned.next(t, n, ctx.clock().instant());
    }

    /** The delay before the next poll of a job {@code age} old, for a poller that counts no polls. */
    Duration delayByAge(JobTracker t, Duration age) {
        // a store's scheduler keeps a webhook job to the safety interval too, not only its first poll
        return onSafetyPoll(t) ? ctx.settings().webhookSafetyPoll() : learned.byAge(t, age);
    }

    /**
     * A status stream saw the job end: handled like a poll's answer (a SUCCEEDED without output reads the result),
     * with the end's time known exactly; a poll chain follows when reading the result failed.
     */
    void streamEnded(JobTracker t, JobUpdate u) {
        int generation = t.generation();
        t.pending(t.elapsed(ctx.clock().instant()));
        t.waiter.execute(() -> onUpdate(t, u).whenComplete((again, e) -> {
            if (Boolean.TRUE.equals(again)) schedule(t, generation);
        }));
    }

    private void pollNow(JobTracker t, int generation) {
        if (closed.getAsBoolean() || t.result.isDone()) return;
        pollOnce(t).whenComplete((again, e) -> {
            if (Boolean.TRUE.equals(again)) schedule(t, generation);
        });
    }

    /** One poll, its news recorded and told; completes with true when the job needs another poll. */
    CompletableFuture<Boolean> pollOnce(JobTracker t) {
        BatchPolls batch = batches.get(t.provider.id());
        CompletableFuture<JobUpdate> update = batch != null ? batch.poll(t.id)
                : ctx.guard(t.provider.id()).call(Operation.POLL, () -> t.provider.poll(t.id));
        return update.handle((u, e) -> e != null ? onPollError(t, e) : onUpdate(t, u)).thenCompose(f -> f);
    }

    private CompletableFuture<Boolean> onUpdate(JobTracker t, JobUpdate u) {
        JobStatus s = u.status();
        outcomes.observe(t, s);
        if (learned.learn(t, s, ctx.clock().instant())) replan(t);
        switch (s.state()) {
            case SUCCEEDED:
                if (u.output() != null) {
                    outcomes.complete(t, u.output());
                    return CompletableFuture.completedFuture(false);
                }
                // A failed read is handled like a failed poll: the next poll sees SUCCEEDED and reads again.
                return ctx.guard(t.provider.id()).call(Operation.RESULT, () -> t.provider.result(t.id))
                        .handle((out, e) -> {
                            if (e != null) return onPollError(t, e);
                            outcomes.complete(t, out);
                            return CompletableFuture.completedFuture(false);
                        }).thenCompose(f -> f);
            case FAILED:
            case CANCELLED:
                outcomes.ended(t, s);
                return CompletableFuture.completedFuture(false);
            default:
                return CompletableFuture.completedFuture(true);
        }
    }

    private CompletableFuture<Boolean> onPollError(JobTracker t, Throwable error) {
        // A paid job must not be dropped because the provider hiccuped: keep polling through transient trouble
        // (the breaker keeps us from hammering it), and give up only on errors that cannot heal.
        Throwable e = Futures.unwrap(error);
        if (e instanceof ProviderException && ((ProviderException) e).retryable()) {
            return CompletableFuture.completedFuture(true);
        }
        outcomes.fail(t, e);
        return CompletableFuture.completedFuture(false);
    }

    /** Stops following a job nobody waits for; its record stays as it is, and a new await follows it again. */
    void release(JobTracker t) {
        t.stopPolling();
        table.forget(t, false);
        log.debug("job {} released: no await is waiting for it; await its id to follow it again", t.id);
    }
}
