package dev.videogen4j.observation;

import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;

/**
 * Hears one job's life after {@link VideoObserver#jobStarted}: accepted (not for a resumed job), running, then
 * exactly one of {@link #succeeded} and {@link #failed}.
 *
 * <pre>{@code
 * return new JobObservation() {
 *     @Override public void succeeded(VideoResult r) { runTimer.record(r.timings().run()); }
 * };
 * }</pre>
 */
public interface JobObservation {
    /** Observes nothing. */
    JobObservation NONE = new JobObservation() {
    };

    /** The provider accepted the job: it is billable from now on. */
    default void accepted(VideoJob job) {
    }

    /** The provider reported the job running (it left the queue). */
    default void running() {
    }

    /** The job's videos are in; the result carries its cost and where its time went. */
    default void succeeded(VideoResult result) {
    }

    default void failed(JobFailure failure) {
    }
}
