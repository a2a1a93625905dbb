package dev.videogen4j;

import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.spi.Operation;
import java.time.Duration;

/**
 * Callbacks for what happens to jobs: submitted, status changes, retries, circuit breaker transitions,
 * completion and failure. Every method has an empty default; override what you need. Called on videogen4j's
 * threads: return quickly and do not block.
 *
 * <p>Delivery: each client calls its listeners at most once per job for {@link #onCompleted}/{@link #onFailed},
 * when that client learns the job's end — it submitted the job, awaits it, polled it for a shared store, or
 * received its webhook. With a shared (durable) store, a job ends once in the store, and every client that
 * follows it calls its own listeners once. A client that crashes between storing an end and calling its listeners
 * does not call them later (at most once, not exactly once); the record keeps the end.
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

    /** A call failed and will be tried again after {@code wait}. */
    default void onRetry(String provider, Operation operation, int attempt, Throwable cause, Duration wait) {
    }

    /**
     * The breaker of the provider's submits moved, e.g. from {@code CLOSED} to {@code OPEN}: while it is open, new
     * jobs go to the next provider of the routing policy. (Polls of accepted jobs have a breaker of their own, so
     * failing submits never stop them.)
     */
    default void onCircuitStateChanged(String provider, CircuitState from, CircuitState to) {
    }

    default void onCompleted(VideoResult result) {
    }

    default void onFailed(JobId id, VideoGenException error) {
    }
}
