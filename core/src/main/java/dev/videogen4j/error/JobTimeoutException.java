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
        super("Job " + jobId + " did not finish within " + deadline
                + (cancelOutcome == null ? "; it is still running and can be awaited again"
                : "; cancel at " + jobId.provider() + ": " + cancelOutcome));
        this.jobId = jobId;
        this.deadline = deadline;
        this.cancelOutcome = cancelOutcome;
    }

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
