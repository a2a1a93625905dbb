package dev.videogen4j.error;

/**
 * The account has no credit left for this job (HTTP 402 or a provider's quota code). Never retried.
 *
 * <pre>{@code
 * try { client.generate(request); }
 * catch (InsufficientCreditsException e) { alertBilling(e.providerId()); }
 * }</pre>
 */
public class InsufficientCreditsException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public InsufficientCreditsException(Details details) {
        super(details);
    }
}
