package dev.videogen4j.spi;

import dev.videogen4j.error.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A provider's error response, as an adapter parsed it from its vendor's body and headers. Hand it to
 * {@link ProviderErrors#fromHttp(ProviderFailure)} to get the exception core throws.
 *
 * <pre>{@code
 * throw ProviderErrors.fromHttp(ProviderFailure.builder("fal", Operation.SUBMIT, 429)
 *         .message("queue full").retryAfter(Duration.ofSeconds(2)).build());
 * }</pre>
 */
public final class ProviderFailure {
    final String providerId;
    final Operation operation;
    final int httpStatus;
    final ErrorKind kind;
    final String code;
    final String message;
    final String requestId;
    final Duration retryAfter;
    final Boolean retryableHint;
    final List<Violation> violations;
    final boolean notProcessed;

    private ProviderFailure(Builder b) {
        providerId = b.providerId;
        operation = b.operation;
        httpStatus = b.httpStatus;
        kind = b.kind != null ? b.kind : ErrorKind.ofStatus(b.httpStatus);
        code = b.code;
        message = b.message;
        requestId = b.requestId;
        retryAfter = b.retryAfter;
        retryableHint = b.retryableHint;
        violations = List.copyOf(b.violations);
        notProcessed = b.notProcessed;
    }

    public static Builder builder(String providerId, Operation operation, int httpStatus) {
        return new Builder(providerId, operation, httpStatus);
    }

    public ErrorKind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Collects the parts of a failure; only provider, operation and status are required.
     *
     * <pre>{@code
     * ProviderFailure.builder("runware", Operation.POLL, 200).code("timeoutProvider").message("...").build();
     * }</pre>
     */
    public static final class Builder {
        private final String providerId;
        private final Operation operation;
        private final int httpStatus;
        private ErrorKind kind;
        private String code;
        private String message;
        private String requestId;
        private Duration retryAfter;
        private Boolean retryableHint;
        private final List<Violation> violations = new ArrayList<>();
        private boolean notProcessed;

        private Builder(String providerId, Operation operation, int httpStatus) {
            this.providerId = Objects.requireNonNull(providerId, "providerId == null");
            this.operation = Objects.requireNonNull(operation, "operation == null");
            this.httpStatus = httpStatus;
        }

        /** Overrides the kind the status implies (e.g. a 400 whose code says the key is invalid). */
        public Builder kind(ErrorKind kind) { this.kind = kind; return this; }
        /** The vendor's error code ({@code invalidApiKey}, {@code request_timeout}). */
        public Builder code(String code) { this.code = code; return this; }
        /** The vendor's human message. */
        public Builder message(String message) { this.message = message; return this; }
        /** The vendor's request id, from a header or the body. */
        public Builder requestId(String requestId) { this.requestId = requestId; return this; }
        /** The vendor's {@code Retry-After}. */
        public Builder retryAfter(Duration retryAfter) { this.retryAfter = retryAfter; return this; }
        /** The vendor's own statement on retrying (fal's {@code X-Fal-Retryable}), which beats the default. */
        public Builder retryable(Boolean retryable) { this.retryableHint = retryable; return this; }
        /** One field-level problem the vendor reported (fal's 422 {@code detail[]}). */
        public Builder violation(Violation violation) { violations.add(violation); return this; }

        /**
         * The vendor says the request was never processed although its status alone would leave that open
         * (fal's 504 with {@code X-Fal-Request-Timeout-Type: user}: no runner ever started). A failed submit
         * marked so is REJECTED rather than UNKNOWN.
         */
        public Builder notProcessed() { this.notProcessed = true; return this; }

        public ProviderFailure build() {
            return new ProviderFailure(this);
        }
    }
}
