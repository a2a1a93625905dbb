package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.SpendTotal;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.observation.JobFailure;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.VideoProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The job lifecycle for every provider, one home per concern: {@link JobSubmitter} submits (write-ahead),
 * {@link JobTable} tracks what this client follows, {@link JobPolling} (or a store's scheduler, through
 * {@link StorePolls}) polls, {@link Webhooks} handles notices, {@link JobOutcomes} records and tells how jobs end.
 * This class is what the client calls: submit, await, status, cancel, close. Everything is fixed when it is built.
 */
public final class JobEngine {
    // How long an await whose deadline passed waits for the answer to its cancel before it fails without it.
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(2);
    private final EngineContext ctx;
    private final JobTable table = new JobTable();
    private final JobOutcomes outcomes;
    private final JobPolling polling;
    private final StorePolls storePolls;      // null when the store has no scheduler: this client polls its jobs
    private final JobSubmitter submitter;
    private final Webhooks webhooks;
    private final StatusStreams streams;
    private volatile boolean closed;

    public JobEngine(Map<String, VideoProvider> providers, Map<String, ProviderResilience> resilience,
                     CapabilityMatrix matrix, Clock clock, ScheduledExecutorService timer, Listeners listeners,
                     JobStore store, EngineSettings settings, Redactor redactor) {
        this.ctx = new EngineContext(providers, resilience, matrix, clock, timer, listeners,
                new JobRecords(store, clock, settings.instanceId(), redactor), settings, redactor);
        this.outcomes = new JobOutcomes(ctx, table);
        this.polling = new JobPolling(ctx, table, outcomes, () -> closed);
        this.streams = new StatusStreams(ctx, polling, outcomes, () -> closed);
        this.storePolls = store.pollScheduler()
                .map(s -> new StorePolls(ctx, table, polling, outcomes, s, () -> closed)).orElse(null);
        this.submitter = new JobSubmitter(ctx, () -> closed, this::follow);
        this.webhooks = new Webhooks(ctx, table, outcomes, this::pollSoon, this::follow);
        store.pollScheduler().ifPresent(s -> s.start(storePolls));
    }

    /** The redactor of this client's keys. */
    public Redactor redactor() {
        return ctx.redactor();
    }

    /** Submits to one provider/model; {@code before} are the routing attempts that led here. */
    public CompletableFuture<VideoJob> submit(VideoRequest request, ModelCapabilities model, List<Attempt> before) {
        return submitter.submit(request, model, before);
    }

    /**
     * Waits for a job — one this client follows, one its store knows (submitted by another instance, or before a
     * restart), or one known only by its id.
     */
    public CompletableFuture<VideoResult> await(JobId id, Duration timeout) {
        if (closed) return CompletableFuture.failedFuture(closedWhileWaiting(id));
        JobTracker t = table.live(id);
        if (t == null) t = table.ended(id);
        if (t == null) {
            Optional<JobRecord> r = record(id);
            if (r.isPresent() && r.get().state().isTerminal()) return ended(id, r.get());
            t = track(id, r.orElse(null));
        }
        JobTracker job = t;
        CompletableFuture<VideoResult> mine = new CompletableFuture<>();
        job.waiterAdded();
        job.result.whenComplete((r, e) -> {
            if (e == null) mine.complete(r);
            else mine.completeExceptionally(Futures.unwrap(e));
        });
        mine.whenComplete((r, e) -> job.waiterGone(e instanceof JobTimeoutException,
                ctx.clock().instant().plus(ctx.settings().followAfterTimeout())));
        if (timeout != null && !mine.isDone()) {
            var deadline = ctx.timer().schedule(() -> expire(job, mine, timeout), timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            mine.whenComplete((r, e) -> deadline.cancel(false));
        }
        return mine;
    }

    private CompletableFuture<VideoResult> ended(JobId id, JobRecord r) {
        return r.state() == RecordState.SUCCEEDED ? CompletableFuture.completedFuture(outcomes.resultOf(r, List.of()))
                : CompletableFuture.failedFuture(new JobFailedException(id, JobOutcomes.statusOf(r)));
    }

    private void expire(JobTracker t, CompletableFuture<VideoResult> waiter, Duration timeout) {
        if (waiter.isDone()) return;
        if (!ctx.settings().cancelOnTimeout() || !t.provider.supportsCancel()) {
            waiter.completeExceptionally(new JobTimeoutException(t.id, timeout, null));
            return;
        }
        // The cancel's outcome is reported when it comes in time; a vendor that does not answer it does not hold
        // the waiter past the grace period.
        cancel(t.id).whenComplete((outcome, e) -> waiter.completeExceptionally(
                new JobTimeoutException(t.id, timeout, e == null ? outcome : null)));
        ctx.timer().schedule(() -> waiter.completeExceptionally(new JobTimeoutException(t.id, timeout, null)),
                CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * {@code work}, failed with {@code late} at {@code timeout} unless it finished or {@code stillWaiting} says a
     * later stage keeps its own deadline.
     */
    public <T> CompletableFuture<T> within(CompletableFuture<T> work, Duration timeout,
                                           java.util.function.BooleanSupplier stillWaiting,
                                           java.util.function.Supplier<? extends Throwable> late) {
        CompletableFuture<T> out = new CompletableFuture<>();
        work.whenComplete((v, e) -> {
            if (e == null) out.complete(v);
            else out.completeExceptionally(Futures.unwrap(e));
        });
        var deadline = ctx.timer().schedule(() -> {
            if (stillWaiting.getAsBoolean()) out.completeExceptionally(late.get());
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        out.whenComplete((v, e) -> deadline.cancel(false));
        return out;
    }

    public Instant now() {
        return ctx.clock().instant();
    }

    /** The job's status: its stored end when it ended, else the provider's answer now (through the guards). */
    public CompletableFuture<JobStatus> status(JobId id) {
        VideoProvider p = ctx.provider(id.providerId());
        Optional<JobRecord> r = record(id);
        if (r.isPresent() && r.get().state().isTerminal()) {
            return CompletableFuture.completedFuture(r.get().state() == RecordState.SUCCEEDED ? JobStatus.succeeded()
                    : JobOutcomes.statusOf(r.get()));
        }
        JobTracker known = table.live(id);
        return ctx.guard(p.id()).call(Operation.POLL, () -> p.poll(id)).thenApply(u -> {
            if (known != null) outcomes.observe(known, u.status());
            return u.status();
        });
    }

    public CompletableFuture<CancelOutcome> cancel(JobId id) {
        VideoProvider p = ctx.provider(id.providerId());
        if (!p.supportsCancel()) return CompletableFuture.completedFuture(CancelOutcome.NOT_SUPPORTED);
        return ctx.guard(p.id()).call(Operation.CANCEL, () -> p.cancel(id)).thenApply(outcome -> {
            JobTracker t = table.live(id);
            if (t != null && (outcome == CancelOutcome.CANCELLATION_REQUESTED || outcome == CancelOutcome.CANCELLED)) {
                pollSoon(t);
            }
            return outcome;
        });
    }

    /** A webhook told us how a job ended: complete it now instead of at its next poll. */
    public void onWebhook(WebhookEvent event) {
        webhooks.onWebhook(event);
    }

    /** Quoted and actual cost per provider and model of the jobs created in {@code [from, to)}, from the store. */
    public List<SpendTotal> spend(Instant from, Instant to) {
        return ctx.store().spend(from, to);
    }

    public int inFlight() {
        return table.size();
    }

    /** How many jobs are followed on status streams at once unless configured: see {@link StatusStreams}. */
    public static int defaultStatusStreams() {
        return StatusStreams.defaultBudget();
    }

    public CircuitState circuitState(String providerId) {
        return ctx.guard(providerId).circuitState();
    }

    /**
     * Stops following jobs: no poll is sent any more (also on a scheduler the caller owns and keeps running), and
     * every waiter fails now rather than waiting forever on a timer that may be gone. The jobs go on at the
     * provider, and their records stay: their ids resume them in another client.
     */
    public void close() {
        closed = true;
        ctx.store().pollScheduler().ifPresent(s -> s.stop());
        submitter.close();
        streams.close();
        for (JobTracker t : table.all()) {
            t.stopPolling();
            table.forget(t, true);
            VideoGenException closedNow = closedWhileWaiting(t.id);
            if (t.result.completeExceptionally(closedNow)) {
                t.observation.failed(new JobFailure(t.id, JobFailure.Outcome.CLIENT_CLOSED, null, closedNow,
                        t.timings(ctx.clock().instant())));
            }
        }
    }

    private static VideoGenException closedWhileWaiting(JobId id) {
        return new VideoGenException("The VideoClient was closed while waiting for job " + id + "; the job goes on at "
                + id.providerId() + ": resume it with await(JobId.parse(\"" + id + "\")) in an open client");
    }

    /** Follows a job known by its id, and by its record when the store has one, from a poll now. */
    private JobTracker track(JobId id, JobRecord r) {
        return table.computeIfAbsent(id, k -> {
            VideoProvider p = ctx.provider(k.providerId());
            ModelCapabilities m = ctx.matrix().model(k.providerId(), k.model()).orElse(null);
            JobObservation seen = ctx.listeners().observers().jobStarted(new JobStart(k.providerId(), k.model(),
                    m == null ? null : m.family(), null, null, k));
            JobTracker t = r == null ? new JobTracker(k, null, p, m, null, ctx.clock().instant(), List.of(), seen)
                    : ctx.trackerOf(r, k, seen);
            if (storePolls != null && t.recordId != null) storePolls.follow(t);
            else if (!streams.follow(t)) polling.startNow(t);
            return t;
        });
    }

    private Optional<JobRecord> record(JobId id) {
        try {
            return ctx.store().findByNativeJobId(id.providerId(), id.nativeJobId())
                    .filter(r -> r.model().equals(id.model()));
        } catch (RuntimeException storeDown) {
            return Optional.empty();
        }
    }

    private void follow(JobTracker t) {
        table.remember(t);
        if (storePolls != null) storePolls.follow(t);
        else if (!streams.follow(t)) polling.start(t);
    }

    private void pollSoon(JobTracker t) {
        if (storePolls != null) storePolls.pollSoon(t);
        else polling.pollSoon(t);
    }
}
