package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Issue 12 defect 10: forged timestamps, empty tokens, slow and giant JWKS. */
class FalWebhooksHostileTest {
    private static final long NOW = 1_760_000_000L;
    private static final String ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    private static final byte[] BODY = ("{\"request_id\": \"" + ID + "\", \"status\": \"OK\", \"payload\": {\"video\":"
            + " {\"url\": \"https://v3b.fal.media/files/b/out.mp4\"}}}").getBytes(StandardCharsets.UTF_8);

    private final WebhookKeys fal = new WebhookKeys();
    private final MutableClock clock = MutableClock.startingAt(Instant.ofEpochSecond(NOW));

    FalWebhooksHostileTest() throws Exception {
    }

    @Test
    void aTimestampThatOverflowsTheSkewArithmeticIsStale() throws Exception {
        FalWebhooks hooks = FalWebhooks.builder().jwks(WebhookKeys.jwks(fal)).clock(clock).build();
        // NOW + MIN_VALUE makes now - forged exactly Long.MIN_VALUE, whose Math.abs is negative: "fresh".
        for (long forged : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + NOW}) {
            var e = assertThrows(WebhookVerificationException.class, () -> hooks.verify(BODY, fal.sign(BODY, ID, forged)));
            assertEquals(WebhookVerificationException.Reason.STALE_TIMESTAMP, e.reason(), String.valueOf(forged));
        }
    }

    @Test
    void aGiantJwksIsNotReadWhole() throws Exception {
        try (MockWebServer jwks = new MockWebServer()) {
            jwks.start();
            jwks.enqueue(new MockResponse.Builder().code(200).body("{\"keys\":[\"" + "A".repeat(2_000_000) + "\"]}").build());
            FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/jwks").toString()).clock(clock).build();
            var e = assertThrows(WebhookVerificationException.class, () -> hooks.verify(BODY, fal.sign(BODY, ID, NOW)));
            assertEquals(WebhookVerificationException.Reason.NO_KEYS, e.reason());
            assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        }
    }

    @Test
    void aSlowJwksRefreshDoesNotHoldBackADeliveryThatHasKeys() throws Exception {
        try (MockWebServer jwks = new MockWebServer()) {
            jwks.start();
            jwks.enqueue(new MockResponse.Builder().code(200).body(WebhookKeys.jwks(fal)).build());
            // the refresh after 24 h drips: 1 byte per 100 ms, cut off by the 2 s fetch timeout
            jwks.enqueue(new MockResponse.Builder().code(200).body(WebhookKeys.jwks(fal))
                    .throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
            FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/jwks").toString()).timeout(Duration.ofSeconds(2))
                    .clock(clock).build();
            hooks.verify(BODY, fal.sign(BODY, ID, NOW));
            clock.advanceTo(Instant.ofEpochSecond(NOW).plus(Duration.ofHours(25)));
            long later = clock.instant().getEpochSecond();
            Map<String, String> signed = fal.sign(BODY, ID, later);
            CompletableFuture<Void> refreshing = CompletableFuture.runAsync(() -> hooks.verify(BODY, signed));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (jwks.getRequestCount() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();   // until the refresh is under way
            }
            long start = System.nanoTime();
            hooks.verify(BODY, fal.sign(BODY, ID, later));
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "a second delivery waited for the JWKS");
            refreshing.get(10, TimeUnit.SECONDS);
        }
    }
}
