package dev.videogen4j.error;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.ErrorKind;

/**
 * The provider ran the job and it failed (or was cancelled). Carries the job id and the provider's final status,
 * with its code and reason.
 *
 * <pre>{@code
 * try { client.await(jobId, Duration.ofMinutes(10)); }
 * catch (JobFailedException e) { log.warn("job {} failed: {}", e.jobId(), e.status().reason().orElse("?")); }
 * }</pre>
 */
public class JobFailedException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final JobId jobId;
    private final transient JobStatus status;

    public JobFailedException(JobId jobId, JobStatus status) {
        super("Job " + jobId + " on " + jobId.provider() + " ended " + status);
        this.jobId = jobId;
        this.status = status;
    }

    public JobId jobId() {
        return jobId;
    }

    /** The final status: FAILED with the provider's code and reason, or CANCELLED. */
    public JobStatus status() {
        return status;
    }

    /**
     * True when the failure is the provider's doing (worth trying another provider): decided from the adapter's
     * {@link ErrorKind} on the FAILED status, never from the vendor's words. False for a cancel and for a request
     * the provider refused as such (content policy, invalid input), which another provider would be paid to refuse.
     */
    public boolean providerSide() {
        return status.state() == JobState.FAILED && !status.errorKind().map(ErrorKind::refusesTheRequest).orElse(true);
    }
}
