package dev.videogen4j.fal.internal;

import dev.videogen4j.fal.WebhookVerificationException;
import dev.videogen4j.fal.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The signature headers of one fal webhook delivery, checked for presence and freshness when read. The signed
 * message is {@code request_id + "\n" + user_id + "\n" + timestamp + "\n" + hex(sha256(body))}, all as sent.
 *
 * <pre>{@code
 * FalWebhookSignature s = FalWebhookSignature.from(headers, clock, Duration.ofSeconds(300));
 * boolean ok = s.verifies(body, keys);
 * }</pre>
 */
public final class FalWebhookSignature {
    public static final String REQUEST_ID = "X-Fal-Webhook-Request-Id";
    public static final String USER_ID = "X-Fal-Webhook-User-Id";
    public static final String TIMESTAMP = "X-Fal-Webhook-Timestamp";
    public static final String SIGNATURE = "X-Fal-Webhook-Signature";

    private final String requestId;
    private final String userId;
    private final String timestamp;
    private final byte[] signature;

    private FalWebhookSignature(String requestId, String userId, String timestamp, byte[] signature) {
        this.requestId = requestId;
        this.userId = userId;
        this.timestamp = timestamp;
        this.signature = signature;
    }

    /** @throws WebhookVerificationException for a missing or unreadable header, or a stale timestamp */
    public static FalWebhookSignature from(Map<String, String> headers, Clock clock, Duration tolerance) {
        String requestId = header(headers, REQUEST_ID);
        String userId = header(headers, USER_ID);
        String timestamp = header(headers, TIMESTAMP);
        String signatureHex = header(headers, SIGNATURE);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_HEADER, TIMESTAMP + " is not Unix seconds: "
                    + FalJson.abbreviate(timestamp, 40));
        }
        // Compared without subtracting: now - Long.MIN_VALUE overflows, and Math.abs(Long.MIN_VALUE) is negative.
        long now = clock.instant().getEpochSecond();
        if (seconds < now - tolerance.getSeconds() || seconds > now + tolerance.getSeconds()) {
            String skew = java.math.BigInteger.valueOf(now).subtract(java.math.BigInteger.valueOf(seconds)).abs().toString();
            throw new WebhookVerificationException(Reason.STALE_TIMESTAMP, "fal webhook timestamp " + seconds + " is "
                    + skew + " s away from now; at most " + tolerance.getSeconds() + " s is accepted");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_HEADER, SIGNATURE + " is not hex");
        }
        return new FalWebhookSignature(requestId, userId, timestamp, signature);
    }

    /** True when any of {@code keys} verifies the signature over {@code body}. */
    public boolean verifies(byte[] body, List<PublicKey> keys) {
        byte[] message = message(body);
        for (PublicKey key : keys) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature or an odd key: this key does not verify it; try the next
            }
        }
        return false;
    }

    private byte[] message(byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return (requestId + "\n" + userId + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null && !e.getValue().isBlank()) {
                return e.getValue().trim();
            }
        }
        throw new WebhookVerificationException(Reason.MISSING_HEADER, "fal webhook header " + name + " is missing");
    }
}
