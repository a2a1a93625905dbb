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
 *     log.error("{} may have accepted the job at {} (request id {}): {}", e.providerId(), e.sentAt(),
 *             e.providerRequestId().orElse("unknown"), e.getCause().getMessage());
 * }
 * }</pre>
 */
public class SubmissionUncertainException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final String providerId;
    private final String model;
    private final Instant sentAt;
    private final String providerRequestId;

    public SubmissionUncertainException(String providerId, String model, Instant sentAt, String providerRequestId,
                                        ProviderException cause) {
        super("Submit to " + providerId + " (" + model + ") may or may not have been accepted: "
                + cause.getMessage() + ". videogen4j stopped there: another submit could pay twice.", cause);
        this.providerId = providerId;
        this.model = model;
        this.sentAt = sentAt;
        this.providerRequestId = providerRequestId;
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
}
