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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows jobs on their provider's status stream ({@link StatusStreamer}, fal's {@code /status/stream}): the end is
 * known the moment the provider sends it, with one long request instead of polls. A stream holds a reader thread
 * while it waits, so at most {@code budget} jobs are streamed at once (virtual threads on JDK 24+ make a large
 * budget cheap, see {@link IoThreads}; on platform threads the default is 32, {@link #defaultBudget}, and a reader
 * thread takes a place in the {@link PlatformThreadBudget} it shares with the client's call threads, so calls plus
 * readers never exceed it; a reader gives its place back at its next event when calls want it, and no stream
 * starts while they want one or did within {@link #SETTLE}); the others are polled on the learned schedule, which
 * finds them done about as soon, at two requests each.
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
    /**
     * How long a new job waits for a reader place lent by quiet calls (beyond the {@value #BESIDE_BUSY_CALLS} the
     * readers always have): a burst of submits that has not yet started all its call threads looks quiet when its
     * first jobs are accepted (B2 on JDK 17: 21 readers started in its first 50 ms, whose places its calls then
     * lacked for the jobs' 10 s); a second later its calls hold their places and the job is polled. A job of seconds
     * or minutes loses nothing by opening its stream a second late.
     */
    static final Duration SETTLE = Duration.ofSeconds(1);

    /** Stream readers a client may start beyond its call pool's maximum however busy its calls are. */
    static final int BESIDE_BUSY_CALLS = PlatformThreadBudget.BESIDE_BUSY_CALLS;

    private final int max;
    private final Semaphore budget;
    private final ExecutorService readers;      // null when streams are off
    // The platform call pool the streams share room with; null on virtual threads.
    private final ThreadPoolExecutor callPool;
    // The place budget the readers share with the client's own call threads; null on virtual threads or beside an
    // application's executor (whose threads are not ours to count: there roomForStream judges).
    private final PlatformThreadBudget places;
    // When a reader last yielded to calls short of threads, or a job found them short; on ctx's clock, null if never.
    private volatile Instant callsShortAt;

    StatusStreams(EngineContext ctx, JobPolling polling, JobOutcomes outcomes, BooleanSupplier closed) {
        this.ctx = ctx;
        this.polling = polling;
        this.outcomes = outcomes;
        this.closed = closed;
        this.max = ctx.settings().statusStreams();
        this.budget = new Semaphore(max);
        this.callPool = IoThreads.virtual() ? null : platformCallPool(ctx);
        this.places = callPool instanceof CallPool p ? p.budget() : null;
        this.readers = max <= 0 ? null : places != null ? budgetedReaders(max, (CallPool) callPool)
                : IoThreads.pool("videogen4j-stream", max);
    }

    // A reader thread per stream, from the calls' budget: an idle reader takes a new stream, else a thread starts if
    // the budget has a place the calls will not want, else the pool refuses and the job is polled. Nothing queues:
    // a stream that waited behind others would learn of its job's end late. An idle reader holds a place, so it ends
    // after a second rather than the calls' 30.
    private static ExecutorService budgetedReaders(int max, CallPool calls) {
        return new ThreadPoolExecutor(0, max, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                calls.budget().readers("videogen4j-stream", calls::unmetDemand));
    }

    private static ThreadPoolExecutor platformCallPool(EngineContext ctx) {
        return ctx.resilience().values().stream().map(ProviderResilience::calls)
                .filter(ThreadPoolExecutor.class::isInstance).map(ThreadPoolExecutor.class::cast)
                .findFirst().orElse(null);
    }

    /**
     * The default budget: 256 where readers are virtual threads; 32 where each is a platform thread (a sleeping
     * daemon thread while its job runs), and then a stream also needs room beside the calls ({@link
     * #roomForStream}). Each stream is also an open connection at the provider. Jobs beyond the budget are polled
     * on the learned schedule, which the streamed jobs teach exactly (a stream sees the end itself): a polled job is
     * then found done 0.1 s or so after its end, at three requests like a streamed one; a job whose run time varies
     * (queued behind others) costs a poll or two a stream would not.
     */
    static int defaultBudget() {
        return IoThreads.virtual() ? 256 : 32;
    }

    /**
     * Whether a platform-thread stream may start beside an application's call executor, whose threads no budget
     * counts (the client's own call pool shares a {@link PlatformThreadBudget} with the readers instead): when an
     * idle reader can take it, or when the call threads and
     * the readers together stay under the call pool's maximum plus {@value #BESIDE_BUSY_CALLS}. A client whose
     * calls are quiet (a hundred long jobs in flight) follows up to the whole budget on streams; one whose calls are
     * all busy (10,000 jobs being submitted) adds 4 readers to its 48 call threads and polls the rest, so its own
     * threads stay near 52 (B2 on JDK 17 counted 91 with 32 readers beside 48 busy calls). Calls that grow after
     * streams started are not held back: calls carry submits and results, which must not wait for a stream.
     *
     * <pre>{@code
     * roomForStream(48, 48, 3, 3);   // true: a 4th reader beside 48 busy calls
     * roomForStream(48, 48, 4, 4);   // false: the 5th job is polled
     * roomForStream(20, 48, 31, 31); // true: quiet calls leave room for the whole budget
     * }</pre>
     */
    static boolean roomForStream(int callThreads, int maxCalls, int readerThreads, int streaming) {
        return streaming < readerThreads || callThreads + readerThreads < maxCalls + BESIDE_BUSY_CALLS;
    }

    // Looking and taking in one step: the call threads of many accepted submits ask at once, and each must see the
    // streams the others just took (B2 on JDK 17 started 18 readers beside 48 busy calls while they raced). A
    // stream taken but whose reader has not started yet counts as a reader thread.
    private synchronized boolean admit() {
        if (places == null && callPool != null && readers instanceof ThreadPoolExecutor r) {
            int streaming = max - budget.availablePermits();
            int readerThreads = Math.max(r.getPoolSize(), streaming);
            if (!roomForStream(callThreads(), callPool.getMaximumPoolSize(), readerThreads, streaming)) {
                return false;
            }
        }
        return budget.tryAcquire();
    }

    /** Starts following {@code t} on a stream; false when it must be polled (no stream, no budget, a webhook). */
    boolean follow(JobTracker t) {
        if (!(t.provider instanceof StatusStreamer) || readers == null || closed.getAsBoolean()) return false;
        if (ctx.settings().webhookSafetyPoll() != null && t.request != null && t.request.webhookUrl() != null) {
            return false;
        }
        if (callsLatelyShort()) return false;
        if (places != null && t.request != null && mustBorrow()) {
            if (!places.roomForReader(((CallPool) callPool).unmetDemand())) return false;
            try {
                ctx.timer().schedule(() -> settled(t), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (RejectedExecutionException closing) {
                return false;
            }
        }
        return start(t);
    }

    // Whether a new stream needs a place beyond the readers' own: all of those are streaming, none is idle.
    private synchronized boolean mustBorrow() {
        int streaming = max - budget.availablePermits();
        return streaming >= BESIDE_BUSY_CALLS && streaming >= places.readers();
    }

    // A settled client lends its readers only what its calls leave; a burst's calls have all started by now.
    private void settled(JobTracker t) {
        if (closed.getAsBoolean() || t.result.isDone()) return;
        if (callsLatelyShort() || !start(t)) polling.start(t);
    }

    private boolean start(JobTracker t) {
        if (!admit()) return false;
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
        boolean[] yielded = {false};
        try {
            end = ((StatusStreamer) t.provider).streamStatus(t.id, s -> {
                // calls wanting threads the budget cannot give take this reader's: the job goes on its poll schedule
                yielded[0] = callsShortNow();
                return !yielded[0] && onStatus(t, s, until);
            });
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
        } else if (yielded[0]) {
            polling.start(t);
        } else {
            polling.startNow(t);
        }
    }

    /**
     * Whether calls want, or wanted less than {@link #SETTLE} ago, threads the budget cannot give: a new job is then
     * polled rather than streamed. A stream started now would give its reader back at its first event and its job
     * would be polled after all, one request more than either alone. Without this, B2 on JDK 17 (10,000 jobs at
     * once) streamed 7,400 of its jobs for a moment each: a yielding reader ends its stream but its thread stays
     * idle for a second, holding its place, and each accepted job took that idle reader (no place to borrow), so
     * the calls stayed short (27 threads of 48), the stream yielded at its first event and the job was polled too:
     * 3.7 requests a job. Refused, the idle readers end and give their places to the calls.
     */
    private boolean callsLatelyShort() {
        if (callsShortNow()) return true;
        Instant at = callsShortAt;
        return at != null && ctx.clock().instant().isBefore(at.plus(SETTLE));
    }

    // Whether calls want more threads than the budget's free places (never beside an application's executor or on
    // virtual threads, where no budget is shared); the moment is remembered for callsLatelyShort.
    private boolean callsShortNow() {
        if (places == null || !places.callsShort(((CallPool) callPool).unmetDemand())) return false;
        callsShortAt = ctx.clock().instant();
        return true;
    }

    private boolean onStatus(JobTracker t, JobStatus s, Instant until) {
        if (closed.getAsBoolean() || t.result.isDone()) return false;
        Instant now = ctx.clock().instant();
        outcomes.observe(t, s);
        if (s.state() == JobState.QUEUED || s.state() == JobState.RUNNING) t.pending(t.elapsed(now));
        return now.isBefore(until) && !t.released(now);
    }

    // The call threads there are, or will be: calls already handed to the pool (running or queued) start threads up
    // to its maximum. A burst of submits fills the pool within milliseconds of the first acceptances, which would
    // otherwise see a pool still growing and start readers the full pool leaves no room for (B2 on JDK 17: 12-18).
    private int callThreads() {
        int live = callPool.getPoolSize();
        return callPool instanceof CallPool pool ? Math.max(live, Math.min(pool.inFlight(), pool.getMaximumPoolSize()))
                : live;
    }

    @Override
    public void close() {
        if (readers != null) readers.shutdownNow();
    }
}
