package dev.videogen4j.error;

/**
 * The provider refused the API key (HTTP 401/403, Runware `invalidApiKey`). Never retried: fix the key.
 *
 * <pre>{@code
 * try { client.generate(request); }
 * catch (AuthenticationException e) { System.err.println("check RUNWARE_API_KEY / FAL_KEY"); }
 * }</pre>
 */
public class AuthenticationException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(Details details) {
        super(details);
    }
}
