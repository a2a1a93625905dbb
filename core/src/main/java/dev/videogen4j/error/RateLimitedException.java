package dev.videogen4j.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider asked us to slow down (HTTP 429). {@link #retryAfter()} carries its {@code Retry-After}, which the
 * retry policy honours.
 *
 * <pre>{@code
 * try { client.submit(request); }
 * catch (RateLimitedException e) { e.retryAfter().ifPresent(wait -> scheduleLater(request, wait)); }
 * }</pre>
 */
public class RateLimitedException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(Details details, Duration retryAfter) {
        super(details);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
