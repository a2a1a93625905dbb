package dev.videogen4j;

import dev.videogen4j.error.VideoGenException;
import java.time.Duration;

/**
 * Callbacks for what happens to jobs: submitted, status changes, retries, circuit breaker transitions,
 * completion and failure. Every method has an empty default; override what you need. Called on videogen4j's
 * threads: return quickly and do not block.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .listener(new VideoJobListener() {
 *             @Override public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
 *                 metrics.counter("video.status", "state", to.state().name()).increment();
 *             }
 *         })
 *         .build();
 * }</pre>
 */
public interface VideoJobListener {
    default void onSubmitted(VideoJob job) {
    }

    /** {@code from} is null for the first status seen. */
    default void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
    }

    /**
     * A call failed and will be tried again after {@code wait}.
     *
     * @param operation {@code submit}, {@code poll}, {@code result} or {@code cancel}
     */
    default void onRetry(String provider, String operation, int attempt, Throwable cause, Duration wait) {
    }

    /** The provider's circuit breaker moved, e.g. from {@code CLOSED} to {@code OPEN}. */
    default void onCircuitStateChanged(String provider, String from, String to) {
    }

    default void onCompleted(VideoResult result) {
    }

    default void onFailed(JobId id, VideoGenException error) {
    }
}
