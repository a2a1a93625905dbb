package dev.videogen4j.error;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobId;
import java.time.Duration;

/**
 * The deadline given to {@code await} passed before the job finished. If cancel-on-timeout is on (the default),
 * the job was cancelled at the provider and {@link #cancelOutcome()} says how that went; otherwise the job is
 * still running and can be awaited again with the same id.
 *
 * <pre>{@code
 * try { client.await(jobId, Duration.ofMinutes(5)); }
 * catch (JobTimeoutException e) { log.warn("gave up on {} after {}, cancel: {}", e.jobId(), e.deadline(), e.cancelOutcome()); }
 * }</pre>
 */
public class JobTimeoutException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final Duration deadline;
    private final CancelOutcome cancelOutcome;

    public JobTimeoutException(JobId jobId, Duration deadline, CancelOutcome cancelOutcome) {
        this("Job " + jobId + " did not finish within " + deadline
                + (cancelOutcome == null ? "; it is still running and can be awaited again"
                : "; cancel at " + jobId.providerId() + ": " + cancelOutcome), jobId, deadline, cancelOutcome);
    }

    private JobTimeoutException(String message, JobId jobId, Duration deadline, CancelOutcome cancelOutcome) {
        super(message);
        this.jobId = jobId;
        this.deadline = deadline;
        this.cancelOutcome = cancelOutcome;
    }

    /**
     * The deadline of a {@code generate} passed before any provider answered its submit (a vendor that does not
     * answer). If the submit lands later, its job record names it and it is followed like any other.
     */
    public static JobTimeoutException beforeAccepted(String provider, Duration deadline) {
        return new JobTimeoutException("No answer from " + provider + " to the submit within " + deadline
                + "; if it lands later, its job is recorded and followed", null, deadline, null);
    }

    /** The job, or {@code null} when no provider had accepted it by the deadline ({@link #beforeAccepted}). */
    public JobId jobId() {
        return jobId;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The outcome of the cancel sent on timeout, or {@code null} when none was sent. */
    public CancelOutcome cancelOutcome() {
        return cancelOutcome;
    }
}
