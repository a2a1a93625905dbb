package dev.videogen4j.fal;

import dev.videogen4j.error.VideoGenException;
import java.util.Objects;

/**
 * A fal webhook that must not be trusted: a signature header is missing, the timestamp is too old (or from the
 * future), the signature does not match the body under any of fal's published keys, the body is not a fal
 * webhook envelope, or fal's keys could not be obtained. Answer such a request with HTTP 400/401 and do not act
 * on it.
 *
 * <pre>{@code
 * try {
 *     client.onWebhook(webhooks.verifyAndParse(body, headers));
 * } catch (WebhookVerificationException e) {
 *     log.warn("rejected fal webhook ({}): {}", e.reason(), e.getMessage());
 *     return ResponseEntity.status(401).build();
 * }
 * }</pre>
 */
public class WebhookVerificationException extends VideoGenException {
    private static final long serialVersionUID = 1L;

    /** Why a webhook was rejected. */
    public enum Reason {
        /** One of the four {@code X-Fal-Webhook-*} headers is absent or blank. */
        MISSING_HEADER,
        /** A header is present but unreadable (a timestamp that is not a number, a signature that is not hex). */
        MALFORMED_HEADER,
        /** The timestamp is more than five minutes away from now: a replay, or a badly skewed clock. */
        STALE_TIMESTAMP,
        /** No published key verifies the signature over this body: forged or tampered with. */
        BAD_SIGNATURE,
        /** fal's public keys (JWKS) could not be fetched or contain no usable Ed25519 key. */
        NO_KEYS,
        /** The body is not a fal webhook envelope. */
        MALFORMED_BODY
    }

    private final Reason reason;

    public WebhookVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public WebhookVerificationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public Reason reason() {
        return reason;
    }
}
