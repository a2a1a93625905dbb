package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Signs fal webhooks exactly as fal-api.md §3 describes, with an Ed25519 key pair the emulator
 * makes from its seed (same seed, same key, same signatures), and publishes the public key as a
 * JWKS. Message = UTF-8 of {@code request_id + "\n" + user_id + "\n" + timestamp + "\n" +
 * hex(sha256(body))}; signature header = hex of the Ed25519 signature.
 */
public final class FalWebhookSigner {
    private final KeyPair keyPair;
    private final String userId;
    private final String keyId;
    private final byte[] rawPublicKey;

    public FalWebhookSigner(long seed, String userId) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            this.keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
        byte[] encoded = keyPair.getPublic().getEncoded(); // X.509: the raw key is the last 32 bytes
        this.rawPublicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        this.userId = userId;
        this.keyId = "emulator-" + HexFormat.of().formatHex(sha256(rawPublicKey)).substring(0, 16);
    }

    /** The four {@code X-Fal-Webhook-*} headers for {@code body} sent at {@code epochSeconds}. */
    public Map<String, String> headers(String requestId, long epochSeconds, byte[] body) {
        String timestamp = Long.toString(epochSeconds);
        String message = requestId + "\n" + userId + "\n" + timestamp + "\n"
                + HexFormat.of().formatHex(sha256(body));
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keyPair.getPrivate());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Map.of("X-Fal-Webhook-Request-Id", requestId, "X-Fal-Webhook-User-Id", userId,
                    "X-Fal-Webhook-Timestamp", timestamp,
                    "X-Fal-Webhook-Signature", HexFormat.of().formatHex(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":...,"kid":...,"use":"sig","alg":"EdDSA"}]}}. */
    public byte[] jwks() {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey);
        return Json.write(Map.of("keys", List.of(Json.object("kty", "OKP", "crv", "Ed25519", "x", x,
                "kid", keyId, "use", "sig", "alg", "EdDSA"))));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
