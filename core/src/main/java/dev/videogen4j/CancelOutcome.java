package dev.videogen4j;

/**
 * What a cancel achieved. A cancel never throws for a job that already finished or that the provider does not
 * know: those are outcomes, not errors.
 *
 * <pre>{@code
 * if (client.cancel(jobId) == CancelOutcome.ALREADY_COMPLETED) {
 *     VideoResult r = client.await(jobId, Duration.ofSeconds(30));   // it finished; collect it
 * }
 * }</pre>
 */
public enum CancelOutcome {
    /** The provider accepted the cancel; a running job may still complete (and bill). */
    CANCELLATION_REQUESTED,
    /** The provider removed the job before it ran (fal: {@code OK}, "removed from the queue"): final, never billed. */
    CANCELLED,
    /** The job finished before the cancel arrived. */
    ALREADY_COMPLETED,
    /** The provider does not know the job. */
    NOT_FOUND,
    /** The provider has no way to cancel a job; it will run to completion. */
    NOT_SUPPORTED
}
