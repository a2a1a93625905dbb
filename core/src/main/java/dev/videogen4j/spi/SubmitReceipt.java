package dev.videogen4j.spi;

import dev.videogen4j.JobId;
import java.util.Objects;

/**
 * A provider's acknowledgement of a submit.
 *
 * <pre>{@code
 * return new SubmitReceipt(JobId.of("fal", endpointId, body.requestId()), body.queuePosition());
 * }</pre>
 *
 * @param jobId         the accepted job
 * @param queuePosition the position the provider reported, or {@code null}
 */
public record SubmitReceipt(JobId jobId, Integer queuePosition) {
    public SubmitReceipt {
        Objects.requireNonNull(jobId, "jobId == null");
    }
}
