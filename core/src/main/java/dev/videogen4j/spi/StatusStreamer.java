package dev.videogen4j.spi;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Optional: a provider that can push a job's status over one long-lived response (fal's server-sent
 * {@code …/requests/{id}/status/stream}) instead of being polled for it. Core follows up to a budget of jobs at
 * once this way ({@code VIDEOGEN4J_STATUS_STREAMS}), each on a reader thread of its own, and polls the rest. When a
 * stream fails or ends without a terminal status, core polls the job at once and then on its schedule, so a job
 * that finished while its stream was down is never missed.
 *
 * <pre>{@code
 * Optional<JobUpdate> end = ((StatusStreamer) provider).streamStatus(jobId, status -> {
 *     System.out.println(jobId + " is " + status.state());
 *     return true;                                   // keep listening; false stops the stream
 * });
 * // end: the terminal update (SUCCEEDED may come without output: then call result), or empty
 * }</pre>
 *
 * <p>Like every SPI method this one blocks and never retries. It must be bounded: a stream that goes quiet for
 * longer than the provider's read timeout ends (empty), and {@link VideoProvider#close()} ends every open stream.
 */
public interface StatusStreamer {
    /**
     * Follows the job's status stream, handing each non-terminal status to {@code onStatus} (which returns false
     * to stop listening), until the first terminal status.
     *
     * @return the terminal update; empty when the stream ended without one (closed by the server, stopped by
     *         {@code onStatus}, cut by a timeout)
     * @throws dev.videogen4j.error.ProviderException when the stream cannot be opened or an event cannot be read
     *         ({@link dev.videogen4j.error.UnparseableResponseException})
     */
    Optional<JobUpdate> streamStatus(JobId id, Predicate<JobStatus> onStatus);
}
