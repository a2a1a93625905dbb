package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.jobs.JobPollHandler;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.jobs.JobRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling through a store's {@link JobPollScheduler}: the scheduler runs each job's polls on exactly one of the
 * instances sharing the store, through {@link #pollOnce}. An instance awaiting a job that another instance polls
 * learns its end from the scheduler ({@link #ended}) when it reports ends, and by reading the job's record.
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
    // Jobs awaited on this instance whose polls the scheduler runs, by record id, until they end here.
    private final Map<String, JobTracker> watched = new ConcurrentHashMap<>();

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
        watched.put(t.recordId, t);
        watch(t);
    }

    void pollSoon(JobTracker t) {
        if (t.recordId == null) polling.pollSoon(t);
        else scheduler.schedule(t.recordId, ctx.clock().instant());
    }

    @Override
    public Optional<Instant> pollOnce(String recordId) {
        try {
            return pollAsync(recordId).get(POLL_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("poll of record {} did not finish; polled again later: {}", recordId, e.toString());
        }
        return Optional.of(ctx.clock().instant().plus(ctx.settings().poll().initialDelay()));
    }

    /** The poll without a thread waiting for it: the vendor's answer completes it on the call executor. */
    @Override
    public CompletableFuture<Optional<Instant>> pollAsync(String recordId) {
        // This client is closing: the job goes on at the provider, so its poll goes back to the scheduler, due soon,
        // for an instance still running (removing it would leave a paid job that nobody follows).
        if (closed.getAsBoolean()) return CompletableFuture.completedFuture(Optional.of(ctx.clock().instant().plusSeconds(1)));
        // A job awaited here is polled from its tracker: its record need not be read first (B5: 1 read per poll).
        JobTracker awaited = watched.get(recordId);
        if (awaited != null && !awaited.result.isDone()) return poll(awaited, now -> awaited.elapsed(now));
        // A store that cannot be read throws here: the scheduler tries the poll again later. Taking it for a missing
        // record would remove the task, and the paid job would never be polled again.
        JobRecord r = ctx.records().store().get(recordId).orElse(null);
        if (r == null || r.state().isTerminal()) return CompletableFuture.completedFuture(Optional.empty());
        // A fal submit whose answer was lost has no job id to poll: only a webhook carrying its token settles it.
        Optional<JobId> known = r.jobId().or(() -> jobIdFromSubmission(r));
        if (known.isEmpty()) return CompletableFuture.completedFuture(Optional.empty());
        JobId id = known.get();
        JobTracker live = table.live(id);
        JobTracker t = live != null ? live : ctx.trackerOf(r, id, dev.videogen4j.observation.JobObservation.NONE);
        if (t == null) return CompletableFuture.completedFuture(Optional.empty());
        return poll(t, now -> Duration.between(r.acceptedAt() != null ? r.acceptedAt() : r.createdAt(), now));
    }

    private CompletableFuture<Optional<Instant>> poll(JobTracker t, java.util.function.Function<Instant, Duration> age) {
        return polling.pollOnce(t).handle((again, e) -> {
            if (e != null) log.debug("poll of job {} did not finish; polled again later: {}", t.id, e.toString());
            else if (!again) return Optional.empty();
            Instant now = ctx.clock().instant();
            return Optional.of(now.plus(polling.delayByAge(t, age.apply(now))));
        });
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

    /** A job ended, wherever it was polled: one awaited here is settled from its record at once. */
    @Override
    public void ended(String recordId) {
        JobTracker t = watched.remove(recordId);
        if (t == null || t.result.isDone()) return;
        ctx.timer().execute(() -> {
            if (!settledFromRecord(t)) watched.put(t.recordId, t);   // not readable now: the watch reads it again
        });
    }

    /**
     * Reads the job's record until it ends (wherever it was polled) or is released: at the poll interval, or only at
     * the longest one while the scheduler reports every end (B5: a 10 s job polled by the other instance was noticed
     * at the watch's read 16.25 s after acceptance, 6 s late; now on the end's announcement).
     */
    private void watch(JobTracker t) {
        if (closed.getAsBoolean() || t.result.isDone()) {
            watched.remove(t.recordId, t);
            return;
        }
        if (t.released(ctx.clock().instant())) {
            watched.remove(t.recordId, t);
            polling.release(t);
            return;
        }
        Duration next = scheduler.reportsEnds() ? ctx.settings().poll().maxDelay()
                : ctx.settings().poll().delay(t.nextPollNumber());
        t.scheduled(ctx.timer().schedule(() -> {
            if (!settledFromRecord(t)) watch(t);
        }, next.toMillis(), TimeUnit.MILLISECONDS));
    }

    private boolean settledFromRecord(JobTracker t) {
        if (t.result.isDone()) return true;
        Optional<JobRecord> r = ctx.records().read(t.recordId);
        if (r.isEmpty() || !r.get().state().isTerminal()) return false;
        watched.remove(t.recordId, t);
        outcomes.settle(t, r.get());
        return true;
    }
}
