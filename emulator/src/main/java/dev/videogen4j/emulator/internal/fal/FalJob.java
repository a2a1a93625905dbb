package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.VideoFiles;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request in fal's queue. Its timeline is fixed at submit (start, end, optional start
 * deadline from {@code X-Fal-Request-Timeout}); the only later change is a cancellation. The phase
 * at any instant is computed, so no thread drives jobs forward.
 */
final class FalJob {
    enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED }

    private final String requestId;
    private final FalModel model;
    private final long sequence;
    private final Instant startAt;
    private final Instant endAt;
    private final Instant startDeadline;
    private final boolean fails;
    private final int durationSeconds;
    private final VideoFiles.Video video;
    private final AtomicReference<Instant> cancelledAt = new AtomicReference<>();

    FalJob(String requestId, FalModel model, long sequence, Instant startAt, Instant endAt,
            Instant startDeadline, boolean fails, int durationSeconds, VideoFiles.Video video) {
        this.requestId = requestId;
        this.model = model;
        this.sequence = sequence;
        this.startAt = startAt;
        this.endAt = endAt;
        this.startDeadline = startDeadline;
        this.fails = fails;
        this.durationSeconds = durationSeconds;
        this.video = video;
    }

    String requestId() { return requestId; }
    FalModel model() { return model; }
    long sequence() { return sequence; }
    Instant startAt() { return startAt; }
    Instant endAt() { return endAt; }
    boolean fails() { return fails; }
    int durationSeconds() { return durationSeconds; }
    VideoFiles.Video video() { return video; }
    Instant cancelledAt() { return cancelledAt.get(); }

    /** True when the start deadline passes while the job is still queued: it never runs. */
    boolean timesOut() {
        return startDeadline != null && startAt.isAfter(startDeadline);
    }

    /** When the job reaches COMPLETED if nobody cancels it. */
    Instant completesAt() {
        return timesOut() ? startDeadline : endAt;
    }

    Phase phase(Instant now) {
        if (cancelledAt.get() != null) {
            return Phase.CANCELLED;
        }
        if (now.isBefore(timesOut() ? startDeadline : startAt)) {
            return Phase.QUEUED;
        }
        if (timesOut()) {
            return Phase.TIMED_OUT;
        }
        if (now.isBefore(endAt)) {
            return Phase.RUNNING;
        }
        return fails ? Phase.FAILED : Phase.SUCCEEDED;
    }

    /** Whether the job ever ran (the fal billing trigger), as far as known at {@code now}. */
    boolean started(Instant now) {
        Instant cancelled = cancelledAt.get();
        Instant horizon = cancelled != null ? cancelled : now;
        return !timesOut() && !horizon.isBefore(startAt);
    }

    /** Cancels if still queued or running at {@code now}; false when already completed. */
    boolean cancel(Instant now) {
        Phase phase = phase(now);
        if (phase != Phase.QUEUED && phase != Phase.RUNNING) {
            return false;
        }
        return cancelledAt.compareAndSet(null, now);
    }

    /** Seconds the model ran, for {@code metrics.inference_time}. */
    double inferenceSeconds() {
        return java.time.Duration.between(startAt, endAt).toMillis() / 1000.0;
    }
}
