package dev.videogen4j;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A job the provider accepted. It is already billable; keep {@link #jobId()} (its string form survives restarts)
 * to wait for it, check it or cancel it.
 *
 * <pre>{@code
 * VideoJob job = client.submit(request);
 * store(job.jobId().toString());
 * VideoResult result = client.await(job.jobId(), Duration.ofMinutes(10));
 * }</pre>
 *
 * @param jobId         the job's handle
 * @param submittedAt   when the provider acknowledged the job
 * @param queuePosition the queue position the provider reported on submit, or {@code null}
 * @param attempts      providers/models tried before this one accepted the job (routing), and this one
 */
public record VideoJob(JobId jobId, Instant submittedAt, Integer queuePosition, List<Attempt> attempts) {
    public VideoJob {
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(submittedAt, "submittedAt == null");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public String providerId() {
        return jobId.providerId();
    }

    public String model() {
        return jobId.model();
    }
}
