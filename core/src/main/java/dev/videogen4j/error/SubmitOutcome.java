package dev.videogen4j.error;

/**
 * What is known about a submit that did not return a job id. It decides whether sending again is safe.
 *
 * <pre>{@code
 * if (e.submitOutcome() == SubmitOutcome.REJECTED) {
 *     // provably not processed: nothing was billed, resending cannot pay twice
 * }
 * }</pre>
 */
public enum SubmitOutcome {
    /** The provider accepted the job (it is billable and reachable through its job id). */
    ACCEPTED,
    /** Provably not processed: connection refused, 429, 503 before processing, a validation error. */
    REJECTED,
    /** The request may have been processed: a timeout after the body was sent, a reset, 500/502/504. */
    UNKNOWN,
    /** The failure did not come from a submit (a poll, a result fetch, a cancel). */
    NOT_A_SUBMIT
}
