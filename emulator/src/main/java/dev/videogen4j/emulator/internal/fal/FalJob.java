package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.VideoFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request in fal's queue. Its timeline is fixed at submit (start, end, optional start
 * deadline from {@code X-Fal-Request-Timeout}); the only later changes are cancels. The phase
 * at any instant is computed, so no thread drives jobs forward.
 *
 * <p>An input the model's schema refuses is still accepted at submit: fal validates model input
 * when a runner picks the job up, so it waits in the queue like any other and then ends
 * COMPLETED, its 422 {@code detail[]} readable only from the result (REJECTED below). Sources:
 * https://github.com/TanStack/ai/pull/396 (live test, read 2026-12-01: "fal.ai never returns a
 * FAILED queue status… real error (e.g. 422) only surfaces when calling fal.queue.result()");
 * fal-js {@code Completed} docs "may still have failed".
 */
final class FalJob {
    enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED, REJECTED, TIMED_OUT, CANCELLED }

    /** What a cancel did (https://fal.ai/docs/inference-api/queue/cancel, read 2026-12-01). */
    enum CancelResult { REMOVED, SIGNALLED, ALREADY_COMPLETED }

    private final String requestId;
    private final FalModel model;
    private final long sequence;
    private final Instant startAt;
    private final Instant endAt;
    private final Instant startDeadline;
    private final boolean fails;
    private final List<Map<String, Object>> inputErrors;
    private final int durationSeconds;
    private final VideoFiles.Video video;
    private final AtomicReference<Instant> cancelledAt = new AtomicReference<>();
    private final AtomicReference<Instant> cancelSignalledAt = new AtomicReference<>();

    FalJob(String requestId, FalModel model, long sequence, Instant startAt, Instant endAt,
            Instant startDeadline, boolean fails, List<Map<String, Object>> inputErrors,
            int durationSeconds, VideoFiles.Video video) {
        this.requestId = requestId;
        this.model = model;
        this.sequence = sequence;
        this.startAt = startAt;
        this.endAt = endAt;
        this.startDeadline = startDeadline;
        this.fails = fails;
        this.inputErrors = List.copyOf(inputErrors);
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
    Instant cancelSignalledAt() { return cancelSignalledAt.get(); }
    /** The model's 422 {@code detail[]} entries; empty when the input is valid. */
    List<Map<String, Object>> inputErrors() { return inputErrors; }

    boolean rejected() {
        return !inputErrors.isEmpty();
    }

    /** True when the start deadline passes while the job is still queued: it never runs. */
    boolean timesOut() {
        return startDeadline != null && startAt.isAfter(startDeadline);
    }

    /** When the job reaches COMPLETED if nobody cancels it while queued. */
    Instant completesAt() {
        return timesOut() ? startDeadline : rejected() ? startAt : endAt;
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
        if (rejected()) {
            return Phase.REJECTED; // the runner refuses the input as soon as it picks the job up
        }
        if (now.isBefore(endAt)) {
            return Phase.RUNNING;
        }
        return fails ? Phase.FAILED : Phase.SUCCEEDED;
    }

    /** Whether the job ever ran on a runner (the fal billing trigger), as far as known at {@code now}. */
    boolean started(Instant now) {
        Instant cancelled = cancelledAt.get();
        Instant horizon = cancelled != null ? cancelled : now;
        return !timesOut() && !rejected() && !horizon.isBefore(startAt);
    }

    /**
     * A queued job is removed from the queue: it never runs. A running job only gets the cancel
     * signal: "the model app decides how to stop the work" (fal cancel reference, 2026-12-01).
     * The emulator plays a Kling app that cannot stop its upstream generation, so the job runs
     * on, completes with its video and is billed — the worst case a caller must expect.
     */
    CancelResult cancel(Instant now) {
        Phase phase = phase(now);
        if (phase == Phase.QUEUED) {
            return cancelledAt.compareAndSet(null, now) ? CancelResult.REMOVED : CancelResult.ALREADY_COMPLETED;
        }
        if (phase == Phase.RUNNING) {
            cancelSignalledAt.compareAndSet(null, now);
            return CancelResult.SIGNALLED;
        }
        return CancelResult.ALREADY_COMPLETED;
    }

    /** Seconds the model ran, for {@code metrics.inference_time}. */
    double inferenceSeconds() {
        return java.time.Duration.between(startAt, rejected() ? startAt : endAt).toMillis() / 1000.0;
    }
}
