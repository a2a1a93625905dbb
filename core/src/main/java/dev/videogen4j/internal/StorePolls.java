package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.jobs.JobPollHandler;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.jobs.JobRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling through a store's {@link JobPollScheduler}: the scheduler runs each job's polls on exactly one of the
 * instances sharing the store, through {@link #pollOnce}. An instance awaiting a job that another instance polls
 * learns its end by reading the job's record at the poll interval.
 */
final class StorePolls implements JobPollHandler {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");
    // A scheduler's worker waits at most this long for one poll (its retries included) before trying again later.
    private static final Duration POLL_BOUND = Duration.ofMinutes(5);

    private final EngineContext ctx;
    private final JobTable table;
    private final JobPolling polling;
    private final JobOutcomes outcomes;
    private final JobPollScheduler scheduler;
    private final BooleanSupplier closed;

    StorePolls(EngineContext ctx, JobTable table, JobPolling polling, JobOutcomes outcomes,
               JobPollScheduler scheduler, BooleanSupplier closed) {
        this.ctx = ctx;
        this.table = table;
        this.polling = polling;
        this.outcomes = outcomes;
        this.scheduler = scheduler;
        this.closed = closed;
    }

    void follow(JobTracker t) {
        if (t.recordId == null) {
            polling.start(t);
            return;
        }
        // By age, like every later poll of the store's scheduler: it re-plans nothing when a model's scout ends, so
        // its jobs neither scout nor wait on one (they would all come due together at the 10 s ceiling, B5).
        Instant now = ctx.clock().instant();
        scheduler.schedule(t.recordId, now.plus(polling.delayByAge(t, t.elapsed(now))));
        watch(t);
    }

    void pollSoon(JobTracker t) {
        if (t.recordId == null) polling.pollSoon(t);
        else scheduler.schedule(t.recordId, ctx.clock().instant());
    }

    @Override
    public Optional<Instant> pollOnce(String recordId) {
        JobRecord r = ctx.records().read(recordId).orElse(null);
        if (r == null || r.state().isTerminal()) return Optional.empty();
        // This client is closing: the job goes on at the provider, so its poll goes back to the scheduler, due soon,
        // for an instance still running (removing it would leave a paid job that nobody follows).
        if (closed.getAsBoolean()) return Optional.of(ctx.clock().instant().plusSeconds(1));
        // A fal submit whose answer was lost has no job id to poll: only a webhook carrying its token settles it.
        Optional<JobId> known = r.jobId().or(() -> jobIdFromSubmission(r));
        if (known.isEmpty()) return Optional.empty();
        JobId id = known.get();
        JobTracker t = table.live(id);
        if (t == null) t = ctx.trackerOf(r, id, dev.videogen4j.observation.JobObservation.NONE);
        if (t == null) return Optional.empty();
        try {
            boolean again = polling.pollOnce(t).get(POLL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            if (!again) return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("poll of job {} did not finish; polled again later: {}", id, e.toString());
        }
        Duration age = Duration.between(r.acceptedAt() != null ? r.acceptedAt() : r.createdAt(), ctx.clock().instant());
        return Optional.of(ctx.clock().instant().plus(polling.delayByAge(t, age)));
    }

    /**
     * The job id of a record whose submit was never answered - its instance died mid-submit, and the store marked
     * it UNCERTAIN - where the provider's job id is the submission id (Runware's taskUUID): polling it settles the
     * record, whoever submitted it.
     */
    private Optional<JobId> jobIdFromSubmission(JobRecord r) {
        dev.videogen4j.spi.VideoProvider p = ctx.providers().get(r.providerId());
        if (p == null) return Optional.empty();
        return ctx.matrix().model(r.providerId(), r.model())
                .flatMap(m -> p.jobIdFor(new dev.videogen4j.spi.SubmitContext(m, r.submissionId())));
    }

    /** Reads the job's record at the poll interval until it ends (wherever it was polled) or is released. */
    private void watch(JobTracker t) {
        if (closed.getAsBoolean() || t.result.isDone()) return;
        if (t.released(ctx.clock().instant())) {
            polling.release(t);
            return;
        }
        t.scheduled(ctx.timer().schedule(() -> {
            Optional<JobRecord> r = ctx.records().read(t.recordId);
            if (r.isPresent() && r.get().state().isTerminal()) outcomes.settle(t, r.get());
            else watch(t);
        }, ctx.settings().poll().delay(t.nextPollNumber()).toMillis(), TimeUnit.MILLISECONDS));
    }
}
