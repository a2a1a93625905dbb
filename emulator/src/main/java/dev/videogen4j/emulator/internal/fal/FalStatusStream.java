package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.Reply;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import dev.videogen4j.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okio.BufferedSink;

/**
 * {@code GET .../requests/<id>/status/stream}: server-sent events, one {@code data: <status
 * json>} per change, closed after COMPLETED (fal-api.md §1).
 *
 * <p>The stream sends the status at once, then re-reads the emulator clock and sends a new event
 * whenever the status object changes. With a {@code MutableClock} it looks again every {@value
 * #POLL_MILLIS} ms of real time, so when the test advances the clock the next event (up to
 * COMPLETED) arrives within that. With any other clock, which moves in real time, it sleeps until
 * the job's next change (start, a log line, the end), at most {@value #MAX_PAUSE_MILLIS} ms (so a
 * cancel, a queue position or the emulator closing shows within that): an event leaves within a
 * millisecond or two of its change, and ten thousand open streams cost ten thousand sleeping
 * threads rather than a million wake-ups a second. The stream also ends when the emulator closes
 * or after {@link #MAX_STREAM_NANOS} of real time, after which fal clients reconnect or poll.
 */
final class FalStatusStream implements Reply.Stream {
    static final long POLL_MILLIS = 10;
    static final long MAX_PAUSE_MILLIS = 1000;
    /**
     * An SSE comment line after this much real time without an event: clients skip it, and a client with a read
     * timeout (fal's Java client keeps OkHttp's 10 s) does not take a long job's quiet stream for a dead one.
     */
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    static final long MAX_STREAM_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final FalJob job;
    private final FalJobs jobs;
    private final FalResponses responses;
    private final Clock clock;
    private final boolean withLogs;
    private final BooleanSupplier emulatorClosed;
    private final byte[] firstEvent;
    private boolean firstCompleted;

    FalStatusStream(FalJob job, FalJobs jobs, FalResponses responses, Clock clock,
            boolean withLogs, BooleanSupplier emulatorClosed) {
        this.job = job;
        this.jobs = jobs;
        this.responses = responses;
        this.clock = clock;
        this.withLogs = withLogs;
        this.emulatorClosed = emulatorClosed;
        Map<String, Object> first = statusAt(clock.instant());
        this.firstCompleted = "COMPLETED".equals(first.get("status"));
        this.firstEvent = event(first);
    }

    @Override
    public byte[] firstChunk() {
        return firstEvent;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(firstEvent).flush();
        byte[] last = firstEvent;
        boolean completed = firstCompleted;
        long deadline = System.nanoTime() + MAX_STREAM_NANOS;
        long wrote = System.nanoTime();
        while (!completed && !emulatorClosed.getAsBoolean() && System.nanoTime() < deadline) {
            pause(clock instanceof MutableClock ? POLL_MILLIS : untilNextChange(job, withLogs, clock.instant()));
            Map<String, Object> status = statusAt(clock.instant());
            byte[] next = event(status);
            if (!java.util.Arrays.equals(next, last)) {
                sink.write(next).flush();
                last = next;
                wrote = System.nanoTime();
            } else if (System.nanoTime() - wrote >= KEEP_ALIVE_NANOS) {
                sink.write(KEEP_ALIVE).flush();
                wrote = System.nanoTime();
            }
            completed = "COMPLETED".equals(status.get("status"));
        }
    }

    private Map<String, Object> statusAt(Instant now) {
        int position = job.phase(now) == FalJob.Phase.QUEUED ? jobs.queuePosition(job, now) : 0;
        return responses.status(job, now, withLogs, position);
    }

    private static byte[] event(Map<String, Object> status) {
        return ("data: " + Json.writeString(status) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** On a real clock, how long to sleep before looking again (see the class comment). */
    static long untilNextChange(FalJob job, boolean withLogs, Instant now) {
        Instant next = job.completesAt();
        if (now.isBefore(job.startAt())) {
            next = job.startAt().isBefore(next) ? job.startAt() : next;
        } else if (withLogs) {
            Duration run = Duration.between(job.startAt(), job.endAt());
            for (int quarter = 1; quarter <= 3; quarter++) {
                Instant log = job.startAt().plus(run.multipliedBy(quarter).dividedBy(4));
                if (log.isAfter(now) && log.isBefore(next)) {
                    next = log;
                }
            }
        }
        long millis = Duration.between(now, next).toMillis() + 1; // +1: wake just after, not just before
        return Math.max(1, Math.min(MAX_PAUSE_MILLIS, millis));
    }

    private static void pause(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("status stream interrupted");
        }
    }
}
