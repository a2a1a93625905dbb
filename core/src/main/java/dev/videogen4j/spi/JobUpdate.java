package dev.videogen4j.spi;

import dev.videogen4j.JobStatus;
import java.util.Objects;

/**
 * What one poll learned: the status and, when the status response carries it (Runware), the output. When the
 * status is SUCCEEDED and {@code output} is null, core calls {@link VideoProvider#result}.
 *
 * <pre>{@code
 * return new JobUpdate(JobStatus.running(null), null);
 * }</pre>
 */
public record JobUpdate(JobStatus status, ProviderOutput output) {
    public JobUpdate {
        Objects.requireNonNull(status, "status == null");
    }

    public static JobUpdate of(JobStatus status) {
        return new JobUpdate(status, null);
    }
}
