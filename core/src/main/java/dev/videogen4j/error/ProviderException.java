package dev.videogen4j.error;

import dev.videogen4j.spi.Operation;
import java.util.Optional;

/**
 * A provider answered with an error, or could not be reached. Carries the provider id, the HTTP status
 * (0 when no response arrived), the provider's request id when it sent one, the provider's error code, and
 * whether trying again can help.
 *
 * <pre>{@code
 * } catch (ProviderException e) {
 *     log.warn("{} failed with HTTP {} ({}), retryable={}", e.providerId(), e.httpStatus(), e.errorCode(), e.retryable());
 * }
 * }</pre>
 */
public class ProviderException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    private final String providerId;
    private final Operation operation;
    private final int httpStatus;
    private final String requestId;
    private final String errorCode;
    private final boolean retryable;
    private final SubmitOutcome submitOutcome;

    public ProviderException(Details details) {
        super(details.message(), details.cause());
        this.providerId = details.providerId();
        this.operation = details.operation();
        this.httpStatus = details.httpStatus();
        this.requestId = details.providerRequestId();
        this.errorCode = details.errorCode();
        this.retryable = details.retryable();
        this.submitOutcome = details.submitOutcome() == null ? SubmitOutcome.NOT_A_SUBMIT : details.submitOutcome();
    }

    /** The id of the provider that failed ({@code "runware"}, {@code "fal"}, ...). */
    public String providerId() {
        return providerId;
    }

    /** The call that failed: {@link Operation#SUBMIT}, {@code POLL}, {@code RESULT} or {@code CANCEL}. */
    public Operation operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no HTTP response was received (connection refused, reset, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's request id (e.g. fal's {@code x-fal-request-id}, Runware's taskUUID), when known. */
    public Optional<String> providerRequestId() {
        return Optional.ofNullable(requestId);
    }

    /** The provider's own error code ({@code invalidApiKey}, {@code request_timeout}, ...), when it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Whether the same call may succeed if tried again later. */
    public boolean retryable() {
        return retryable;
    }

    /** For a failed submit: whether the provider may have accepted the job. */
    public SubmitOutcome submitOutcome() {
        return submitOutcome;
    }

    /**
     * Everything a provider exception carries, gathered before it is built.
     *
     * <pre>{@code
     * new ProviderException(new ProviderException.Details("fal", Operation.SUBMIT, 500, "runner failed", null,
     *         "runner_server_error", true, SubmitOutcome.UNKNOWN, null));
     * }</pre>
     */
    public record Details(String providerId, Operation operation, int httpStatus, String message, String providerRequestId,
                          String errorCode,
                          boolean retryable, SubmitOutcome submitOutcome, Throwable cause) {
    }
}
