package dev.videogen4j.fal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** A test signer doing what fal does: an Ed25519 key pair, its JWK, signed deliveries. */
final class WebhookKeys {
    final KeyPair pair;

    WebhookKeys() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** RFC 8032 encoding: y little-endian, x's parity in the top bit of the last byte, base64url. */
    String jwkX() {
        EdECPoint p = ((EdECPublicKey) pair.getPublic()).getPoint();
        byte[] y = p.getY().toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < y.length; i++) {
            le[i] = y[y.length - 1 - i];
        }
        if (p.isXOdd()) {
            le[31] |= (byte) 0x80;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(le);
    }

    String jwk() {
        return "{\"kty\": \"OKP\", \"crv\": \"Ed25519\", \"kid\": \"k-" + jwkX().substring(0, 6) + "\", \"x\": \"" + jwkX() + "\"}";
    }

    static String jwks(WebhookKeys... keys) {
        StringBuilder b = new StringBuilder("{\"keys\": [");
        for (int i = 0; i < keys.length; i++) {
            b.append(i == 0 ? "" : ", ").append(keys[i].jwk());
        }
        return b.append("]}").toString();
    }

    /** The four headers fal sends with {@code body}, signed at {@code epochSeconds}. */
    Map<String, String> sign(byte[] body, String requestId, long epochSeconds) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        String message = requestId + "\n" + "user-123\n" + epochSeconds + "\n" + digest;
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(message.getBytes(StandardCharsets.UTF_8));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Fal-Webhook-Request-Id", requestId);
        h.put("X-Fal-Webhook-User-Id", "user-123");
        h.put("X-Fal-Webhook-Timestamp", Long.toString(epochSeconds));
        h.put("X-Fal-Webhook-Signature", HexFormat.of().formatHex(s.sign()));
        return h;
    }

}
