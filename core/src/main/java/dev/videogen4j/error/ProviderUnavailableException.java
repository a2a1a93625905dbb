package dev.videogen4j.error;

/**
 * The provider is unreachable or failing: a 5xx, a connection failure, or — with {@link #circuitOpen()} — the
 * circuit breaker has opened and the call failed fast without any HTTP traffic.
 *
 * <pre>{@code
 * try { client.submit(request); }
 * catch (ProviderUnavailableException e) { if (e.circuitOpen()) useAnotherProvider(); }
 * }</pre>
 */
public class ProviderUnavailableException extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final boolean circuitOpen;

    public ProviderUnavailableException(Details details) {
        this(details, false);
    }

    public ProviderUnavailableException(Details details, boolean circuitOpen) {
        super(details);
        this.circuitOpen = circuitOpen;
    }

    /** True when the circuit breaker refused the call: nothing was sent. */
    public boolean circuitOpen() {
        return circuitOpen;
    }
}
