package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.VideoProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One job the engine follows: what was asked, what was seen, the future its result completes, its record in the
 * job store, and who waits for it (a job nobody waits for any more is released after a while).
 */
final class JobTracker {
    final JobId id;
    final String recordId;             // null for a job known only by its id, with no record in the store
    final VideoProvider provider;
    final ModelCapabilities model;     // null when the catalog no longer lists the model
    final VideoRequest request;        // null for a job resumed from its id
    final Instant startedAt;
    final List<Attempt> attempts;
    final CompletableFuture<VideoResult> result = new CompletableFuture<>();
    final JobObservation observation;
    // Where news of the job found on another thread (a status stream's end) is handled: by the caller waiting for
    // it in a blocking call, who then makes the calls that follow itself (CallerRuns); else where it was found.
    volatile java.util.concurrent.Executor waiter = Runnable::run;

    private JobStatus last;
    private Instant runningAt;
    private int polls;
    private int generation;
    private ScheduledFuture<?> next;
    private int waiters;
    private Instant releaseAt;
    private Duration pendingAt;
    private Instant pollDueAt;
    private Instant acceptedAt;        // when a poll last saw the job not ended, since startedAt

    JobTracker(JobId id, String recordId, VideoProvider provider, ModelCapabilities model, VideoRequest request,
               Instant startedAt, List<Attempt> attempts, JobObservation observation) {
        this.id = id;
        this.recordId = recordId;
        this.observation = observation;
        this.provider = provider;
        this.model = model;
        this.request = request;
        this.startedAt = startedAt;
        this.attempts = attempts;
    }

    /** Records a status; returns the previous one when it changed, or {@code this.last} unchanged marker. */
    synchronized JobStatus observe(JobStatus status, Instant now) {
        JobStatus previous = last;
        last = status;
        if (runningAt == null && (status.state() == JobState.RUNNING || status.state() == JobState.SUCCEEDED)) {
            runningAt = now;
        }
        return previous;
    }

    /** A poll or stream saw the job not ended yet, {@code elapsed} after it was sent. */
    synchronized void pending(Duration elapsed) {
        pendingAt = elapsed;
    }

    /** When the job was last seen not ended, since it was sent; null when never. */
    synchronized Duration pendingAt() {
        return pendingAt;
    }

    /** Whether its run time tells about its model: a job whose start this client knows (not one known by id). */
    boolean startKnown() {
        return request != null;
    }

    /**
     * The provider started the job at about {@code at}: the middle of the submit's exchange on the wire, or when the
     * adapter returned its answer ({@link JobSubmitter#startedAround}). The run time a poll schedule learns is
     * counted from here, not from when the submit was sent: a slow submit (a cold connection, a busy pool, a batch
     * window) would otherwise count as run time, and every later job would be polled that much too late.
     */
    synchronized void accepted(Instant at) {
        acceptedAt = at;
    }

    /** Time since the job started ({@link #accepted}; for a job this client did not submit, since it was sent). */
    synchronized Duration elapsed(Instant now) {
        return nonNegative(Duration.between(acceptedAt != null ? acceptedAt : startedAt, now));
    }

    synchronized JobStatus last() {
        return last;
    }

    synchronized int nextPollNumber() {
        return polls++;
    }

    synchronized void scheduled(ScheduledFuture<?> f) {
        scheduled(f, null);
    }

    /** A poll of this client's own chain is due at {@code dueAt}. */
    synchronized void scheduled(ScheduledFuture<?> f, Instant dueAt) {
        next = f;
        pollDueAt = dueAt;
    }

    /** When the next poll of this client's own chain is due; null when none is scheduled that way. */
    synchronized Instant pollDueAt() {
        return pollDueAt;
    }

    synchronized void stopPolling() {
        if (next != null) next.cancel(false);
    }

    /** The current poll chain; a poll of an older one schedules no successor. */
    synchronized int generation() {
        return generation;
    }

    /** Cancels the scheduled poll and starts a new chain. */
    synchronized int restartPolling() {
        stopPolling();
        return ++generation;
    }

    /** An await starts: the job is followed as long as it lasts. */
    synchronized void waiterAdded() {
        waiters++;
        releaseAt = null;
    }

    /** An await ended; when it timed out and was the last, the job is followed only until {@code releaseAt}. */
    synchronized void waiterGone(boolean timedOut, Instant releaseAt) {
        waiters--;
        if (timedOut && waiters == 0) this.releaseAt = releaseAt;
    }

    /** Nobody waits for this job (an uncertain submit being settled): follow it only until {@code at}. */
    synchronized void releaseAt(Instant at) {
        if (waiters == 0) releaseAt = at;
    }

    /** True when every await of the job timed out and its follow-up time is over. */
    synchronized boolean released(Instant now) {
        return waiters == 0 && releaseAt != null && !now.isBefore(releaseAt);
    }

    synchronized Timings timings(Instant completedAt) {
        Instant running = runningAt == null ? completedAt : runningAt;
        return new Timings(nonNegative(Duration.between(startedAt, running)),
                nonNegative(Duration.between(running, completedAt)),
                nonNegative(Duration.between(startedAt, completedAt)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
