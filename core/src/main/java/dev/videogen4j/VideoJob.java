package dev.videogen4j;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A job the provider accepted. It is already billable; keep {@link #id()} (its string form survives restarts)
 * to wait for it, check it or cancel it.
 *
 * <pre>{@code
 * VideoJob job = client.submit(request);
 * store(job.id().toString());
 * VideoResult result = client.await(job.id(), Duration.ofMinutes(10));
 * }</pre>
 *
 * @param id            the job's handle
 * @param submittedAt   when the provider acknowledged the job
 * @param queuePosition the queue position the provider reported on submit, or {@code null}
 * @param attempts      providers/models tried before this one accepted the job (routing), and this one
 */
public record VideoJob(JobId id, Instant submittedAt, Integer queuePosition, List<Attempt> attempts) {
    public VideoJob {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(submittedAt, "submittedAt == null");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public String provider() {
        return id.provider();
    }

    public String model() {
        return id.model();
    }
}
