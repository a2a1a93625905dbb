package dev.videogen4j.error;

import dev.videogen4j.Attempt;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.ErrorKind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The provider ran the job and it failed (or was cancelled). Carries the job id and the provider's final status,
 * with its code and reason. After a fallback, {@link #attempts()} (and the message) names every provider/model the
 * request went to, each with its outcome and cost.
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
    private final transient List<Attempt> attempts;

    public JobFailedException(JobId jobId, JobStatus status) {
        this(jobId, status, List.of());
    }

    public JobFailedException(JobId jobId, JobStatus status, List<Attempt> attempts) {
        super("Job " + jobId + " on " + jobId.providerId() + " ended " + status + tried(attempts));
        this.jobId = jobId;
        this.status = status;
        this.attempts = List.copyOf(attempts);
    }

    private static String tried(List<Attempt> attempts) {
        if (attempts.size() < 2) return "";
        return " (after " + attempts.size() + " attempts: " + attempts.stream()
                .map(a -> a.providerId() + " " + a.model() + " " + a.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ", cost " + a.cost())
                .collect(Collectors.joining("; ")) + ")";
    }

    /** The same failure, naming every attempt the request made (the failing one last). */
    public JobFailedException withAttempts(List<Attempt> all) {
        JobFailedException e = new JobFailedException(jobId, status, all);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** Every provider/model the request went to, the failing one last; empty when only this job is known. */
    public List<Attempt> attempts() {
        return attempts;
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
