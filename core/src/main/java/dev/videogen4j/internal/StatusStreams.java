package dev.videogen4j.internal;

import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.StatusStreamer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jobs on their provider's status stream ({@link StatusStreamer}, fal's {@code /status/stream}): the end is
 * known the moment the provider sends it, with one long request instead of polls. A stream holds a reader thread
 * while it waits, so at most {@code budget} jobs are streamed at once (virtual threads on JDK 24+ make a large
 * budget cheap, see {@link IoThreads}; on platform threads the default is 4, {@link #defaultBudget}); the others
 * are polled on the learned schedule, which finds them done about as soon, at two requests each.
 *
 * <p>A stream that fails, ends without a terminal status or outlives {@link #MAX_STREAM} hands its job to polling,
 * with a poll at once: a job that finished while its stream was down is never missed. Jobs submitted with a
 * webhook URL under a webhook safety interval are left to the webhook.
 *
 * <pre>{@code
 * if (!streams.follow(tracker)) polling.start(tracker);
 * }</pre>
 */
final class StatusStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");
    /** The longest a job is followed on one stream (checked at each event); then it is polled. */
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final EngineContext ctx;
    private final JobPolling polling;
    private final JobOutcomes outcomes;
    private final BooleanSupplier closed;
    private final Semaphore budget;
    private final ExecutorService readers;      // null when streams are off

    StatusStreams(EngineContext ctx, JobPolling polling, JobOutcomes outcomes, BooleanSupplier closed) {
        this.ctx = ctx;
        this.polling = polling;
        this.outcomes = outcomes;
        this.closed = closed;
        int max = ctx.settings().statusStreams();
        this.budget = new Semaphore(max);
        this.readers = max > 0 ? IoThreads.pool("videogen4j-stream", max) : null;
    }

    /**
     * The default budget: 256 where readers are virtual threads; 4 where each is a platform thread (a sleeping
     * daemon thread while its job runs), so that a client's own platform threads stay near 52 however many jobs
     * are in flight: 48 call threads, these 4 and the timer (B2 on JDK 17 counted 91 with a budget of 32). Each
     * stream is also an open connection at the provider. Jobs beyond the budget are polled on the learned
     * schedule, which the streamed jobs teach exactly (a stream sees the end itself): a polled job is then found
     * done 0.1 s or so after its end, at three requests like a streamed one; a job whose run time varies (queued
     * behind others) costs a poll or two a stream would not.
     */
    static int defaultBudget() {
        return IoThreads.virtual() ? 256 : 4;
    }

    /** Starts following {@code t} on a stream; false when it must be polled (no stream, no budget, a webhook). */
    boolean follow(JobTracker t) {
        if (!(t.provider instanceof StatusStreamer) || readers == null || closed.getAsBoolean()) return false;
        if (ctx.settings().webhookSafetyPoll() != null && t.request != null && t.request.webhookUrl() != null) {
            return false;
        }
        if (!budget.tryAcquire()) return false;
        try {
            readers.execute(() -> read(t));
            return true;
        } catch (RejectedExecutionException e) {
            budget.release();
            return false;
        }
    }

    private void read(JobTracker t) {
        Optional<JobUpdate> end = Optional.empty();
        Instant until = ctx.clock().instant().plus(MAX_STREAM);
        try {
            end = ((StatusStreamer) t.provider).streamStatus(t.id, s -> onStatus(t, s, until));
        } catch (RuntimeException e) {
            log.debug("status stream of job {} failed; polling it instead: {}", t.id, e.toString());
        } finally {
            budget.release();
        }
        if (closed.getAsBoolean() || t.result.isDone()) return;
        if (end.isPresent() && end.get().status().state().isTerminal()) {
            polling.streamEnded(t, end.get());
        } else if (t.released(ctx.clock().instant())) {
            polling.release(t);
        } else {
            polling.startNow(t);
        }
    }

    private boolean onStatus(JobTracker t, JobStatus s, Instant until) {
        if (closed.getAsBoolean() || t.result.isDone()) return false;
        Instant now = ctx.clock().instant();
        outcomes.observe(t, s);
        if (s.state() == JobState.QUEUED || s.state() == JobState.RUNNING) t.pending(t.elapsed(now));
        return now.isBefore(until) && !t.released(now);
    }

    @Override
    public void close() {
        if (readers != null) readers.shutdownNow();
    }
}
