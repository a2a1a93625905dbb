package dev.videogen4j.observation;

import dev.videogen4j.JobId;
import dev.videogen4j.Timings;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ErrorKind;
import java.util.Objects;

/**
 * How a job ended without videos.
 *
 * <pre>{@code
 * if (failure.outcome() == JobFailure.Outcome.SUBMIT_UNCERTAIN) alert("a job may be billed: " + failure.error());
 * }</pre>
 *
 * @param jobId     the job, or {@code null} when no provider accepted it
 * @param outcome   why it ended
 * @param errorKind what a provider error meant, or {@code null} when no provider error ended it
 * @param error     the exception awaiting callers get
 * @param timings   where its time went until now (total from the first submit attempt)
 */
public record JobFailure(JobId jobId, Outcome outcome, ErrorKind errorKind, VideoGenException error, Timings timings) {
    /** Why a job ended without videos. */
    public enum Outcome {
        /** The provider refused the submit, or it was never sent: nothing billed. */
        NOT_SUBMITTED,
        /** The submit may have landed (and be billed) but no provider answer says so. */
        SUBMIT_UNCERTAIN,
        /** The provider reports the job failed. */
        FAILED,
        /** The provider reports the job cancelled. */
        CANCELLED,
        /** Following the job failed for a reason retries cannot heal; the job may go on at the provider. */
        LOST,
        /** The client was closed while following it; the job goes on at the provider. */
        CLIENT_CLOSED
    }

    public JobFailure {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(error, "error == null");
        Objects.requireNonNull(timings, "timings == null");
    }
}
