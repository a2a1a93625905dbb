package dev.videogen4j.spi;

/**
 * What a provider error means, independent of its HTTP status. Adapters set it when their vendor's error code
 * says more than the status (Runware's {@code invalidApiKey} on a 400, fal's {@code content_policy_violation}
 * on a 422); otherwise core derives it from the status.
 *
 * <pre>{@code
 * ProviderFailure.builder("runware", Operation.SUBMIT, 400).kind(ErrorKind.AUTHENTICATION).code("invalidApiKey")
 * }</pre>
 */
public enum ErrorKind {
    INVALID_REQUEST(false), AUTHENTICATION(false), INSUFFICIENT_CREDITS(false), CONTENT_POLICY(false),
    NOT_FOUND(false), RATE_LIMITED(true), TIMEOUT(true), UNAVAILABLE(true), UNPARSEABLE(true), OTHER(false);

    private final boolean retryableByDefault;

    ErrorKind(boolean retryableByDefault) {
        this.retryableByDefault = retryableByDefault;
    }

    public boolean retryableByDefault() {
        return retryableByDefault;
    }

    /** Kinds that no provider hint may turn retryable: retrying them can only fail again or cost money. */
    public boolean neverRetried() {
        return this == INVALID_REQUEST || this == AUTHENTICATION || this == INSUFFICIENT_CREDITS
                || this == CONTENT_POLICY;
    }

    /**
     * The request itself was refused (content policy, invalid input): sending the same request to another
     * provider would only pay for the same refusal, so fallback stops here.
     */
    public boolean refusesTheRequest() {
        return this == CONTENT_POLICY || this == INVALID_REQUEST;
    }

    /** The kind an HTTP status means when the body says nothing more precise. */
    public static ErrorKind ofStatus(int status) {
        switch (status) {
            case 400: case 409: case 413: case 422: return INVALID_REQUEST;
            case 401: case 403: return AUTHENTICATION;
            case 402: return INSUFFICIENT_CREDITS;
            case 404: return NOT_FOUND;
            case 408: return TIMEOUT;
            case 429: return RATE_LIMITED;
            default: return status >= 500 && status <= 599 ? UNAVAILABLE : OTHER;
        }
    }
}
