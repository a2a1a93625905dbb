package dev.videogen4j.fal.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the Ed25519 keys of a JWKS document with nothing but the JDK. A JWK's {@code x} is the RFC 8032
 * encoding of the public key: 32 bytes, little-endian y coordinate, with the top bit of the last byte holding
 * whether x is odd. The JDK wants the same point as (xOdd, y as a BigInteger).
 *
 * <pre>{@code
 * List<PublicKey> keys = Ed25519Jwks.parse("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}");
 * }</pre>
 */
public final class Ed25519Jwks {
    private static final int KEY_BYTES = 32;

    private Ed25519Jwks() {
    }

    /**
     * Every usable Ed25519 key in the document; keys of other types, or with a broken {@code x}, are skipped.
     *
     * @throws IllegalArgumentException when the text is not a JWKS document ({@code {"keys": [...]}})
     */
    public static List<PublicKey> parse(String jwks) {
        Object doc;
        try {
            doc = FalJson.readAny(jwks);
        } catch (FalJson.FalParseException e) {
            throw new IllegalArgumentException("JWKS is not JSON: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map) || !(((Map<?, ?>) doc).get("keys") instanceof List)) {
            throw new IllegalArgumentException("JWKS has no \"keys\" array");
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Object o : (List<?>) ((Map<?, ?>) doc).get("keys")) {
            if (!(o instanceof Map)) {
                continue;
            }
            Map<?, ?> jwk = (Map<?, ?>) o;
            boolean okp = jwk.get("kty") == null || "OKP".equals(jwk.get("kty"));
            boolean ed = jwk.get("crv") == null || "Ed25519".equals(jwk.get("crv"));
            if (okp && ed && jwk.get("x") instanceof String) {
                try {
                    keys.add(publicKey((String) jwk.get("x")));
                } catch (IllegalArgumentException ignored) {
                    // one broken key must not hide the others: rotation publishes several
                }
            }
        }
        return keys;
    }

    /** The key for a JWK {@code x} value (base64url, padding optional). */
    public static PublicKey publicKey(String x) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWK x is not base64url", e);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("JWK x is " + raw.length + " bytes, an Ed25519 key is " + KEY_BYTES);
        }
        boolean xOdd = (raw[KEY_BYTES - 1] & 0x80) != 0;
        raw[KEY_BYTES - 1] &= 0x7f;
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = raw[KEY_BYTES - 1 - i];
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, bigEndian))));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("JWK x is not an Ed25519 public key", e);
        }
    }
}
