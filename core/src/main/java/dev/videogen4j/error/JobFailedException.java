package dev.videogen4j.error;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;

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

    /** True when the failure is the provider's doing (worth trying another provider), false for a cancel. */
    public boolean providerSide() {
        return status.state() == dev.videogen4j.JobState.FAILED
                && !status.code().map(c -> c.toLowerCase(java.util.Locale.ROOT).contains("content")).orElse(false);
    }
}
