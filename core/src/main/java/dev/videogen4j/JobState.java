package dev.videogen4j;

/**
 * The provider-neutral lifecycle of a job. A provider status videogen4j does not recognise maps to
 * {@link #UNKNOWN} rather than failing, so new provider states do not break old clients.
 *
 * <pre>{@code
 * if (client.status(jobId).state().isTerminal()) { ... }
 * }</pre>
 */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, UNKNOWN;

    /** True for SUCCEEDED, FAILED and CANCELLED: the job will not change again. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
