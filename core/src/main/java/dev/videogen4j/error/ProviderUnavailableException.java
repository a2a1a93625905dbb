package dev.videogen4j.error;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider is unreachable or failing: a 5xx, a connection failure, or — with {@link #circuitOpen()} — the
 * circuit breaker has opened and the call failed fast without any HTTP traffic. A 503 may say when to come back
 * ({@link #retryAfter()}); the retry policy waits that long.
 *
 * <pre>{@code
 * try { client.submit(request); }
 * catch (ProviderUnavailableException e) { if (e.circuitOpen()) useAnotherProvider(); }
 * }</pre>
 */
public class ProviderUnavailableException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final boolean circuitOpen;
    private final Duration retryAfter;

    public ProviderUnavailableException(Details details) {
        this(details, false);
    }

    public ProviderUnavailableException(Details details, boolean circuitOpen) {
        this(details, circuitOpen, null);
    }

    /** @param retryAfter the provider's {@code Retry-After}, or null */
    public ProviderUnavailableException(Details details, boolean circuitOpen, Duration retryAfter) {
        super(details);
        this.circuitOpen = circuitOpen;
        this.retryAfter = retryAfter;
    }

    /** True when the circuit breaker refused the call: nothing was sent. */
    public boolean circuitOpen() {
        return circuitOpen;
    }

    /** How long the provider asked us to wait (a 503's {@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
