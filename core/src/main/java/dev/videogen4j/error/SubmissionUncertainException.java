package dev.videogen4j.error;

import java.time.Instant;
import java.util.Optional;

/**
 * A submit failed in a way that leaves open whether the provider accepted (and will bill) the job: a timeout
 * after the body was sent, a connection reset after the request, a 500/502/504 — or, at a provider that
 * de-duplicates resends, retries that ran out after such an attempt. videogen4j never resends such a submit to a
 * provider that cannot de-duplicate it, and never falls back to another provider after it, because either could
 * pay twice. Check the provider's dashboard or wait for its webhook before trying again. The cause is the failure
 * that left the outcome open; a later failure that ended the retries is {@linkplain #getSuppressed() suppressed}.
 *
 * <pre>{@code
 * try { client.submit(request); }
 * catch (SubmissionUncertainException e) {
 *     log.error("{} may have accepted the job at {} (request id {}, record {}): {}", e.providerId(), e.sentAt(),
 *             e.providerRequestId().orElse("unknown"), e.recordId().orElse("none"), e.getCause().getMessage());
 * }
 * }</pre>
 */
public class SubmissionUncertainException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final String providerId;
    private final String model;
    private final Instant sentAt;
    private final String providerRequestId;
    private final String recordId;
    private final String submissionId;

    public SubmissionUncertainException(String providerId, String model, Instant sentAt, String providerRequestId,
                                        ProviderException cause) {
        this(providerId, model, sentAt, providerRequestId, null, null, cause);
    }

    /**
     * An uncertain submit whose job record ({@code recordId}, in the client's job store) and submission id (the
     * id made before sending: Runware's taskUUID, or the {@code vg_submission} token fal's webhook URL carries)
     * are known; either may be null.
     */
    public SubmissionUncertainException(String providerId, String model, Instant sentAt, String providerRequestId,
                                        String recordId, String submissionId, ProviderException cause) {
        super("Submit to " + providerId + " (" + model + ") may or may not have been accepted: "
                + cause.getMessage() + ". videogen4j stopped there: another submit could pay twice.", cause);
        this.providerId = providerId;
        this.model = model;
        this.sentAt = sentAt;
        this.providerRequestId = providerRequestId;
        this.recordId = recordId;
        this.submissionId = submissionId;
    }

    public String providerId() {
        return providerId;
    }

    /** The native model the submit named. */
    public String model() {
        return model;
    }

    /** When the submit that may have landed was sent (the last one that may have). */
    public Instant sentAt() {
        return sentAt;
    }

    /** A request id the provider sent before failing, if any (e.g. from a response header). */
    public Optional<String> providerRequestId() {
        return Optional.ofNullable(providerRequestId);
    }

    /**
     * The job record the client's job store keeps of this submit (state UNCERTAIN), when the client has one: what
     * {@code videogen4j jobs show} and the store's queries find, and what a webhook settles.
     */
    public Optional<String> recordId() {
        return Optional.ofNullable(recordId);
    }

    /**
     * The id made before sending: Runware's taskUUID (which is also the job id to await), or for fal the token the
     * webhook URL carries as {@code vg_submission}, which lets a webhook settle the job whose answer was lost.
     */
    public Optional<String> submissionId() {
        return Optional.ofNullable(submissionId);
    }
}
