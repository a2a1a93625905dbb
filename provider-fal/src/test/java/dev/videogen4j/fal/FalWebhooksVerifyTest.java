package dev.videogen4j.fal;

import static dev.videogen4j.fal.WebhookVerificationException.Reason.BAD_SIGNATURE;
import static dev.videogen4j.fal.WebhookVerificationException.Reason.MALFORMED_HEADER;
import static dev.videogen4j.fal.WebhookVerificationException.Reason.MISSING_HEADER;
import static dev.videogen4j.fal.WebhookVerificationException.Reason.NO_KEYS;
import static dev.videogen4j.fal.WebhookVerificationException.Reason.STALE_TIMESTAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobState;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.fal.internal.Ed25519Jwks;
import dev.videogen4j.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Signature verification with freshly generated Ed25519 keys; JWKS fetched from a MockWebServer. */
class FalWebhooksVerifyTest {
    private static final long NOW = 1_760_000_000L;
    private static final String ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    private static final byte[] BODY = ("{\"request_id\": \"" + ID + "\", \"gateway_request_id\": \"" + ID + "\","
            + " \"status\": \"OK\", \"payload\": {\"video\": {\"url\": \"https://v3b.fal.media/files/b/out.mp4\"}}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookKeys fal = new WebhookKeys();
    private final WebhookKeys other = new WebhookKeys();
    private final MutableClock clock = MutableClock.startingAt(Instant.ofEpochSecond(NOW));

    FalWebhooksVerifyTest() throws Exception {
    }

    private FalWebhooks withKeys(String jwks) {
        return FalWebhooks.builder().jwks(jwks).clock(clock).build();
    }

    private static WebhookVerificationException.Reason rejected(FalWebhooks hooks, byte[] body, Map<String, String> headers) {
        return assertThrows(WebhookVerificationException.class, () -> hooks.verifyAndParse(body, headers)).reason();
    }

    @Test
    void aGenuineDeliveryVerifiesAndParses() throws Exception {
        WebhookEvent e = withKeys(WebhookKeys.jwks(fal)).verifyAndParse(BODY, fal.sign(BODY, ID, NOW));
        assertEquals(ID, e.nativeJobId());
        assertEquals(JobState.SUCCEEDED, e.status().state());
        assertEquals("https://v3b.fal.media/files/b/out.mp4", e.videos().get(0).url());
    }

    @Test
    void headerNamesMatchInAnyCase() throws Exception {
        Map<String, String> lower = new LinkedHashMap<>();
        fal.sign(BODY, ID, NOW).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        withKeys(WebhookKeys.jwks(fal)).verify(BODY, lower);
    }

    @Test
    void aTamperedBodyIsRejected() throws Exception {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("out.mp4", "evil.mp4").getBytes(StandardCharsets.UTF_8);
        assertEquals(BAD_SIGNATURE, rejected(withKeys(WebhookKeys.jwks(fal)), tampered, fal.sign(BODY, ID, NOW)));
        // so is a changed signed header
        Map<String, String> headers = fal.sign(BODY, ID, NOW);
        headers.put("X-Fal-Webhook-User-Id", "someone-else");
        assertEquals(BAD_SIGNATURE, rejected(withKeys(WebhookKeys.jwks(fal)), BODY, headers));
    }

    @Test
    void aStaleOrFutureTimestampIsRejectedEvenWhenSigned() throws Exception {
        FalWebhooks hooks = withKeys(WebhookKeys.jwks(fal));
        hooks.verify(BODY, fal.sign(BODY, ID, NOW - 300));   // the edge is still fine
        hooks.verify(BODY, fal.sign(BODY, ID, NOW + 300));
        assertEquals(STALE_TIMESTAMP, rejected(hooks, BODY, fal.sign(BODY, ID, NOW - 301)));
        assertEquals(STALE_TIMESTAMP, rejected(hooks, BODY, fal.sign(BODY, ID, NOW + 301)));
    }

    @Test
    void everyMissingHeaderIsRejected() throws Exception {
        FalWebhooks hooks = withKeys(WebhookKeys.jwks(fal));
        for (String name : fal.sign(BODY, ID, NOW).keySet()) {
            Map<String, String> headers = fal.sign(BODY, ID, NOW);
            headers.remove(name);
            WebhookVerificationException e = assertThrows(WebhookVerificationException.class, () -> hooks.verify(BODY, headers));
            assertEquals(MISSING_HEADER, e.reason());
            assertTrue(e.getMessage().contains(name), e.getMessage());
            headers.put(name, " ");
            assertEquals(MISSING_HEADER, rejected(hooks, BODY, headers));
        }
    }

    @Test
    void malformedHeadersAreRejected() throws Exception {
        FalWebhooks hooks = withKeys(WebhookKeys.jwks(fal));
        Map<String, String> headers = fal.sign(BODY, ID, NOW);
        headers.put("X-Fal-Webhook-Signature", "not-hex!");
        assertEquals(MALFORMED_HEADER, rejected(hooks, BODY, headers));
        headers = fal.sign(BODY, ID, NOW);
        headers.put("X-Fal-Webhook-Timestamp", "2026-02-17T10:30:01Z");
        assertEquals(MALFORMED_HEADER, rejected(hooks, BODY, headers));
        headers = fal.sign(BODY, ID, NOW);
        headers.put("X-Fal-Webhook-Signature", "abcd");   // hex, but no Ed25519 signature
        assertEquals(BAD_SIGNATURE, rejected(hooks, BODY, headers));
    }

    @Test
    void aSignatureByAnotherKeyIsForged() throws Exception {
        assertEquals(BAD_SIGNATURE, rejected(withKeys(WebhookKeys.jwks(fal)), BODY, other.sign(BODY, ID, NOW)));
    }

    @Test
    void anyPublishedKeyMayMatchSoRotationWorks() throws Exception {
        FalWebhooks hooks = withKeys(WebhookKeys.jwks(other, fal));   // fal signs with the second key
        hooks.verify(BODY, fal.sign(BODY, ID, NOW));
        hooks.verify(BODY, other.sign(BODY, ID, NOW));
    }

    @Test
    void keysAreFetchedOnceCachedAndRefetchedAfter24Hours() throws Exception {
        try (MockWebServer jwks = new MockWebServer()) {
            jwks.start();
            jwks.enqueue(FalFixtures.json(200, WebhookKeys.jwks(fal)));
            jwks.enqueue(FalFixtures.json(200, WebhookKeys.jwks(fal)));
            FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/.well-known/jwks.json").toString()).clock(clock).build();
            assertEquals(0, jwks.getRequestCount());   // nothing fetched until needed
            hooks.verify(BODY, fal.sign(BODY, ID, NOW));
            hooks.verify(BODY, fal.sign(BODY, ID, NOW));
            assertEquals(1, jwks.getRequestCount());
            var request = jwks.takeRequest();
            assertEquals("GET", request.getMethod());
            assertEquals("/.well-known/jwks.json", request.getTarget());
            assertEquals(null, request.getHeaders().get("Authorization"));   // the JWKS is public: send no key

            clock.advanceTo(Instant.ofEpochSecond(NOW).plus(Duration.ofHours(24)));
            long later = clock.instant().getEpochSecond();
            hooks.verify(BODY, fal.sign(BODY, ID, later));
            assertEquals(2, jwks.getRequestCount());
        }
    }

    @Test
    void aRotatedKeyIsPickedUpByARateLimitedRefetch() throws Exception {
        try (MockWebServer jwks = new MockWebServer()) {
            jwks.start();
            jwks.enqueue(FalFixtures.json(200, WebhookKeys.jwks(other)));
            jwks.enqueue(FalFixtures.json(200, WebhookKeys.jwks(other, fal)));
            FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/jwks").toString()).clock(clock).build();
            hooks.verify(BODY, other.sign(BODY, ID, NOW));
            // right after a fetch, an unknown key is just a bad signature: a forger cannot make us refetch
            assertEquals(BAD_SIGNATURE, rejected(hooks, BODY, fal.sign(BODY, ID, NOW)));
            assertEquals(1, jwks.getRequestCount());
            clock.advanceTo(Instant.ofEpochSecond(NOW + 301));
            hooks.verify(BODY, fal.sign(BODY, ID, NOW + 301));
            assertEquals(2, jwks.getRequestCount());
        }
    }

    @Test
    void unavailableKeysAreReportedAsSuch() throws Exception {
        try (MockWebServer jwks = new MockWebServer()) {
            jwks.start();
            jwks.enqueue(FalFixtures.json(500, "{\"detail\": \"down\"}"));
            jwks.enqueue(FalFixtures.json(200, "<html>"));
            FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/jwks").toString()).clock(clock).build();
            assertEquals(NO_KEYS, rejected(hooks, BODY, fal.sign(BODY, ID, NOW)));
            assertEquals(NO_KEYS, rejected(hooks, BODY, fal.sign(BODY, ID, NOW)));
        }
    }

    @Test
    void givenKeysMustContainAnEd25519Key() {
        assertThrows(ConfigurationException.class, () -> FalWebhooks.builder().jwks("{\"keys\": []}"));
        assertThrows(ConfigurationException.class, () -> FalWebhooks.builder().jwks("{\"keys\": [{\"kty\": \"RSA\", \"n\": \"x\"}]}"));
        assertThrows(ConfigurationException.class, () -> FalWebhooks.builder().jwks("not json"));
        assertThrows(IllegalArgumentException.class, () -> FalWebhooks.builder().cacheFor(Duration.ofHours(25)));
    }

    /** RFC 8032 section 7.1, TEST 1: proves the JWK decoding against the standard, not against our own encoder. */
    @Test
    void decodesTheRfc8032TestKey() throws Exception {
        byte[] pub = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = HexFormat.of().parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
                + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        PublicKey key = Ed25519Jwks.publicKey(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(pub));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(new byte[0]);
        assertTrue(v.verify(sig));
        // RFC 8032 TEST SHA(abc): its encoding has the x-odd bit set (last byte 0xbf); base64url padding is fine too
        byte[] pub2 = HexFormat.of().parseHex("ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf");
        byte[] msg2 = HexFormat.of().parseHex("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        byte[] sig2 = HexFormat.of().parseHex("dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704");
        v.initVerify(Ed25519Jwks.publicKey(java.util.Base64.getUrlEncoder().encodeToString(pub2)));
        v.update(msg2);
        assertTrue(v.verify(sig2));
        // flipping the x-odd bit names another point: the same signature must then fail
        pub2[31] &= 0x7f;
        v.initVerify(Ed25519Jwks.publicKey(java.util.Base64.getUrlEncoder().encodeToString(pub2)));
        v.update(msg2);
        assertFalse(v.verify(sig2));
    }
}
