package dev.videogen4j.spi;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobId;
import java.util.List;

/**
 * One provider, as core sees it: its model catalog and the job calls. A provider also implements
 * {@link TextToVideo} and/or {@link ImageToVideo} for the workflows it can submit.
 *
 * <p>Methods are blocking and called from core's worker threads, one call per method invocation: no retries,
 * no sleeps inside. Failures are thrown as the exceptions {@link ProviderErrors} builds.
 *
 * <pre>{@code
 * final class AcmeProvider implements VideoProvider, TextToVideo {
 *     public String id() { return "acme"; }
 *     public List<ModelCapabilities> models() { return ModelCatalog.load(getClass(), "/acme-models.json"); }
 *     public SubmitReceipt submit(TextToVideoRequest r, SubmitContext ctx) { ... POST ... }
 *     public JobUpdate poll(JobId id) { ... GET status ... }
 *     public ProviderOutput result(JobId id) { ... GET result ... }
 *     public CancelOutcome cancel(JobId id) { return CancelOutcome.NOT_SUPPORTED; }
 * }
 * }</pre>
 */
public interface VideoProvider extends AutoCloseable {

    /** Same as the factory's id. */
    String id();

    /** The models this provider serves, with what each accepts and costs. */
    List<ModelCapabilities> models();

    /** The job's current status; with the output too when the status response already carries it. */
    JobUpdate poll(JobId id);

    /** The output of a job whose poll said SUCCEEDED without carrying it. */
    ProviderOutput result(JobId id);

    /** Asks the provider to stop the job. */
    CancelOutcome cancel(JobId id);

    /** Whether {@link #cancel(JobId)} can do anything at this provider. */
    default boolean supportsCancel() {
        return true;
    }

    /**
     * Whether resending a submit with the same {@link SubmitContext#submissionId()} is safe because the provider
     * de-duplicates it (Runware's client-made taskUUID). When true, core retries submits whose outcome is
     * unknown; when false, such a submit ends in {@link dev.videogen4j.error.SubmissionUncertainException}.
     */
    default boolean deduplicatesSubmits() {
        return false;
    }

    /**
     * The job id a submit with {@code context} will have, when the provider's job id is the client-made
     * submission id (Runware's taskUUID); empty when the provider assigns its own (fal). With it, core settles a
     * submit whose answer was lost by polling that id.
     */
    default java.util.Optional<JobId> jobIdFor(SubmitContext context) {
        return java.util.Optional.empty();
    }

    /** Releases connections and threads. */
    @Override
    default void close() {
    }
}
