package dev.videogen4j.spi;

import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ContentPolicyException;
import dev.videogen4j.error.InsufficientCreditsException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The one place where provider failures become exceptions: status and kind to exception class, what is
 * retryable, and what a failed submit means for billing. Adapters parse their vendor's body into a
 * {@link ProviderFailure} and throw what this returns. Texts are taken as the vendor sent them: the owner of the
 * key scrubs it out ({@link Redactor}), the adapter at its public methods and the client at its boundary.
 *
 * <pre>{@code
 * if (!response.isSuccessful()) {
 *     throw ProviderErrors.fromHttp(ProviderFailure.builder("fal", Operation.SUBMIT, response.code())
 *             .message(detail).code(errorType).build());
 * }
 * } catch (IOException e) {
 *     throw ProviderErrors.fromIo("fal", Operation.SUBMIT, e, true);
 * }
 * }</pre>
 */
public final class ProviderErrors {
    // A submit answered with these statuses was refused before processing: nothing was created or billed.
    private static final Set<Integer> SUBMIT_REJECTED_STATUSES = Set.of(400, 401, 402, 403, 404, 405, 409, 413, 422, 429, 503);

    private ProviderErrors() {
    }

    /** The exception for an HTTP error response. Provider validation errors become {@link InvalidRequestException}. */
    public static VideoGenException fromHttp(ProviderFailure f) {
        boolean retryable = f.retryableHint != null ? f.retryableHint && !f.kind.neverRetried()
                : f.kind.retryableByDefault();
        SubmitOutcome outcome = f.operation != Operation.SUBMIT ? SubmitOutcome.NOT_A_SUBMIT
                : SUBMIT_REJECTED_STATUSES.contains(f.httpStatus) || f.kind.neverRetried() || f.notProcessed
                ? SubmitOutcome.REJECTED : SubmitOutcome.UNKNOWN;
        String text = describe(f);
        ProviderException.Details d = new ProviderException.Details(f.providerId, f.operation, f.httpStatus,
                text, f.requestId, f.code, retryable, outcome, null);
        switch (f.kind) {
            case INVALID_REQUEST:
                List<Violation> v = f.violations.isEmpty()
                        ? List.of(new Violation(f.code == null ? "request" : f.code, "(as sent)", orStatus(f)))
                        : f.violations;
                return new InvalidRequestException(f.providerId, null, v);
            case AUTHENTICATION: return new AuthenticationException(d);
            case INSUFFICIENT_CREDITS: return new InsufficientCreditsException(d);
            case CONTENT_POLICY: return new ContentPolicyException(d);
            case RATE_LIMITED: return new RateLimitedException(d, f.retryAfter);
            case UNAVAILABLE: case TIMEOUT: return new ProviderUnavailableException(d, false, f.retryAfter);
            case UNPARSEABLE: return new UnparseableResponseException(d);
            default: return new ProviderException(d);
        }
    }

    /**
     * The exception for a call that got no HTTP response.
     *
     * @param requestMayHaveBeenSent false only when the adapter knows the request never left (e.g. connect failed)
     */
    public static ProviderUnavailableException fromIo(String providerId, Operation op, IOException e,
                                                      boolean requestMayHaveBeenSent) {
        return fromIo(providerId, op, e, requestMayHaveBeenSent, null);
    }

    /**
     * Like {@link #fromIo(String, Operation, IOException, boolean)}, naming the request the call was about. A
     * provider that knows the id of the job a lost submit may have created (Runware: the taskUUID it chose) passes
     * it here, so {@code SubmissionUncertainException.providerRequestId()} lets the caller await that job.
     */
    public static ProviderUnavailableException fromIo(String providerId, Operation op, IOException e,
                                                      boolean requestMayHaveBeenSent, String requestId) {
        boolean neverSent = !requestMayHaveBeenSent || e instanceof ConnectException
                || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
        SubmitOutcome outcome = op != Operation.SUBMIT ? SubmitOutcome.NOT_A_SUBMIT
                : neverSent ? SubmitOutcome.REJECTED : SubmitOutcome.UNKNOWN;
        String what = neverSent ? "could not connect" : "no response";
        String msg = providerId + " " + op.label() + " failed: " + what + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        return new ProviderUnavailableException(new ProviderException.Details(providerId, op, 0, msg, requestId,
                null, true, outcome, e));
    }

    /** The exception for a response body that could not be read (malformed JSON, an HTML page, missing fields). */
    public static UnparseableResponseException unparseable(String providerId, Operation op, int httpStatus,
                                                           String requestId, Throwable cause) {
        SubmitOutcome outcome = op != Operation.SUBMIT ? SubmitOutcome.NOT_A_SUBMIT
                : SUBMIT_REJECTED_STATUSES.contains(httpStatus) ? SubmitOutcome.REJECTED : SubmitOutcome.UNKNOWN;
        String msg = providerId + " " + op.label() + ": unreadable response (HTTP " + httpStatus + ")"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new UnparseableResponseException(new ProviderException.Details(providerId, op, httpStatus, msg,
                requestId, null, true, outcome, cause));
    }

    private static String describe(ProviderFailure f) {
        return f.providerId + " " + f.operation.label() + " failed: HTTP " + f.httpStatus
                + (f.code == null ? "" : " " + f.code) + (f.message == null ? "" : ": " + f.message);
    }

    private static String orStatus(ProviderFailure f) {
        return f.message == null ? "provider answered HTTP " + f.httpStatus : f.message;
    }
}
