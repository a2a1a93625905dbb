package dev.videogen4j.error;

/**
 * The provider answered with a body videogen4j cannot read (malformed or truncated JSON, an HTML error page).
 *
 * <pre>{@code
 * try { client.generate(request); }
 * catch (UnparseableResponseException e) { log.warn("provider sent garbage: {}", e.getMessage()); }
 * }</pre>
 */
public class UnparseableResponseException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public UnparseableResponseException(Details details) {
        super(details);
    }
}
