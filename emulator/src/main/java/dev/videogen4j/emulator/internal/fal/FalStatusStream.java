package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.Reply;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okio.BufferedSink;

/**
 * {@code GET .../requests/<id>/status/stream}: server-sent events, one {@code data: <status
 * json>} per change, closed after COMPLETED (fal-api.md §1).
 *
 * <p>The stream sends the status at once, then re-reads the emulator clock every {@value
 * #POLL_MILLIS} ms of real time and sends a new event whenever the status object changes. With a
 * real clock that follows the job live; with a {@code MutableClock} the test advances the clock
 * and the next event (up to COMPLETED) arrives within a poll interval. The stream also ends when
 * the emulator closes or after {@link #MAX_STREAM_NANOS} of real time, after which fal clients
 * reconnect or poll.
 */
final class FalStatusStream implements Reply.Stream {
    static final long POLL_MILLIS = 10;
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
        while (!completed && !emulatorClosed.getAsBoolean() && System.nanoTime() < deadline) {
            pause();
            Map<String, Object> status = statusAt(clock.instant());
            byte[] next = event(status);
            if (!java.util.Arrays.equals(next, last)) {
                sink.write(next).flush();
                last = next;
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

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("status stream interrupted");
        }
    }
}
