package dev.videogen4j.testing;

import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The exceptions a real adapter throws, built the way adapters build them: through {@link ProviderErrors}. Hand
 * them to {@link ScriptedProvider#failSubmit} and friends.
 *
 * <pre>{@code
 * acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503), Failures.readTimeout("acme", Operation.SUBMIT));
 * }</pre>
 */
public final class Failures {
    private Failures() {
    }

    /** An HTTP error whose kind follows from the status (503 unavailable, 401 authentication, ...). */
    public static RuntimeException http(String provider, Operation op, int status) {
        return ProviderErrors.fromHttp(ProviderFailure.builder(provider, op, status).build());
    }

    public static RuntimeException http(String provider, Operation op, int status, String code, String message) {
        return ProviderErrors.fromHttp(ProviderFailure.builder(provider, op, status).code(code).message(message).build());
    }

    /** An HTTP error whose body says more than its status (e.g. a 422 that is a content-policy refusal). */
    public static RuntimeException kind(String provider, Operation op, int status, ErrorKind kind, String message) {
        return ProviderErrors.fromHttp(ProviderFailure.builder(provider, op, status).kind(kind).message(message).build());
    }

    public static RuntimeException rateLimited(String provider, Operation op, Duration retryAfter) {
        return ProviderErrors.fromHttp(ProviderFailure.builder(provider, op, 429).message("slow down")
                .retryAfter(retryAfter).build());
    }

    /** The connection was refused: the request provably never left. */
    public static RuntimeException connectRefused(String provider, Operation op) {
        return ProviderErrors.fromIo(provider, op, new ConnectException("Connection refused"), false);
    }

    /** The request went out and no answer came back: a submit's outcome is unknown. */
    public static RuntimeException readTimeout(String provider, Operation op) {
        return ProviderErrors.fromIo(provider, op, new SocketTimeoutException("timeout"), true);
    }

    public static RuntimeException io(String provider, Operation op, IOException e, boolean mayHaveBeenSent) {
        return ProviderErrors.fromIo(provider, op, e, mayHaveBeenSent);
    }

    public static RuntimeException unparseable(String provider, Operation op, int status) {
        return ProviderErrors.unparseable(provider, op, status, null, new IllegalStateException("<html>Bad Gateway</html>"));
    }
}
