package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.internal.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook delivery, retry and fal's Ed25519 signature (runware-api.md §3, fal-api.md §3). */
class WebhookTest extends EmulatorTestBase {
    private final MockWebServer receiver = new MockWebServer();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private void answer(int... codes) {
        for (int code : codes) {
            receiver.enqueue(new MockResponse.Builder().code(code).build());
        }
    }

    private RecordedRequest received() throws InterruptedException {
        RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(request, "no webhook arrived");
        return request;
    }

    private static Map<?, ?> json(RecordedRequest request) throws Json.ParseException {
        return (Map<?, ?>) Json.parse(request.getBody().toByteArray());
    }

    @Test
    void runwarePostsTheFlatItemWhenItIsDue() throws Exception {
        answer(200);
        Map<String, Object> task = videoTask("webhookURL", receiver.url("/hook?token=secret").toString());
        runware(task);
        advance(1);
        assertEquals(0, emu.deliverDueWebhooks(), "not due yet");
        advance(1);
        assertEquals(1, emu.deliverDueWebhooks());
        RecordedRequest request = received();
        assertEquals("secret", request.getUrl().queryParameter("token"));
        Map<?, ?> item = json(request);
        assertEquals(task.get("taskUUID"), item.get("taskUUID"));
        assertEquals("success", item.get("status"));
        assertTrue(item.get("videoURL").toString().endsWith(".mp4"));
        assertEquals(1, emu.stats().webhooksDelivered("runware"));
        assertEquals(1, emu.stats().requests("webhook.delivery"));
    }

    @Test
    void runwareRetriesANon2xxWith250MillisecondBackoff() throws Exception {
        answer(500, 503, 200);
        runware(videoTask("webhookURL", receiver.url("/hook").toString()));
        advance(2);
        assertEquals(1, emu.deliverDueWebhooks());
        clock.advance(Duration.ofMillis(249));
        assertEquals(0, emu.deliverDueWebhooks());
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, emu.deliverDueWebhooks());
        clock.advance(Duration.ofMillis(499));
        assertEquals(0, emu.deliverDueWebhooks(), "the second retry waits 500 ms");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, emu.deliverDueWebhooks());
        assertEquals(3, receiver.getRequestCount());
        assertEquals(0, emu.pendingWebhooks());
        EmulatorStats stats = emu.stats();
        assertEquals(2, stats.webhookFailedAttempts("runware"));
        assertEquals(1, stats.webhooksDelivered("runware"));
    }

    @Test
    void runwareGivesUpAfterTenAttempts() throws Exception {
        for (int i = 0; i < 10; i++) {
            answer(500);
        }
        runware(videoTask("webhookURL", receiver.url("/hook").toString()));
        advance(2);
        for (int i = 0; i < 10; i++) {
            emu.deliverDueWebhooks();
            advance(8);
        }
        assertEquals(10, receiver.getRequestCount());
        assertEquals(1, emu.stats().webhooksAbandoned("runware"));
        assertEquals(0, emu.pendingWebhooks());
    }

    @Test
    void runwareSendsOnePostPerResultAndErrorsForFailures() throws Exception {
        answer(200, 200, 200);
        String url = receiver.url("/hook").toString();
        runware(videoTask("webhookURL", url, "numberResults", 2));
        runware(videoTask("webhookURL", url, "positivePrompt", "x [emulator:fail]"));
        advance(2);
        assertEquals(3, emu.deliverDueWebhooks());
        int successes = 0;
        int errors = 0;
        for (int i = 0; i < 3; i++) {
            Map<?, ?> body = json(received());
            if (body.containsKey("errors")) {
                assertEquals("timeoutProvider", TestHttp.at(body, "errors", 0, "code"));
                errors++;
            } else {
                assertEquals("success", body.get("status"));
                successes++;
            }
        }
        assertEquals(2, successes);
        assertEquals(1, errors);
    }

    @Test
    void runwareDataEnvelopeFormat() throws Exception {
        emu.close();
        emu = ProviderEmulator.builder().clock(clock).seed(1L)
                .runwareWebhookFormat(RunwareWebhookFormat.DATA_ENVELOPE).start();
        answer(200);
        Map<String, Object> task = videoTask("webhookURL", receiver.url("/hook").toString());
        runware(task);
        advance(2);
        emu.deliverDueWebhooks();
        Map<?, ?> body = json(received());
        assertEquals(task.get("taskUUID"), TestHttp.at(body, "data", 0, "taskUUID"));
    }

    @Test
    void falWebhookIsSignedVerifiablyWithTheJwksKey() throws Exception {
        answer(200);
        String hook = URLEncoder.encode(receiver.url("/fal").toString(), StandardCharsets.UTF_8);
        TestHttp.Result submit = falSubmit(FAL_I2V + "?fal_webhook=" + hook, falInput());
        String requestId = (String) submit.at("request_id");
        assertEquals(requestId, submit.at("gateway_request_id"));
        advance(2);
        assertEquals(1, emu.deliverDueWebhooks());
        RecordedRequest request = received();
        byte[] body = request.getBody().toByteArray();

        Map<?, ?> envelope = json(request);
        assertEquals(requestId, envelope.get("request_id"));
        assertEquals(requestId, envelope.get("gateway_request_id"));
        assertEquals("OK", envelope.get("status"));
        assertEquals(falGet((String) submit.at("response_url")).json(), envelope.get("payload"));

        String timestamp = request.getHeaders().get("X-Fal-Webhook-Timestamp");
        assertEquals(Long.toString(clock.instant().getEpochSecond()), timestamp);
        assertEquals(requestId, request.getHeaders().get("X-Fal-Webhook-Request-Id"));
        String userId = request.getHeaders().get("X-Fal-Webhook-User-Id");
        String message = requestId + "\n" + userId + "\n" + timestamp + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(jwksKey());
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(HexFormat.of().parseHex(
                request.getHeaders().get("X-Fal-Webhook-Signature"))));
    }

    @Test
    void falRetriesAndReportsFailuresAsErrorEnvelopes() throws Exception {
        answer(502, 200);
        String hook = URLEncoder.encode(receiver.url("/fal").toString(), StandardCharsets.UTF_8);
        falSubmit(FAL_I2V + "?fal_webhook=" + hook, falInput("prompt", "x [emulator:fail]"));
        advance(2);
        assertEquals(1, emu.deliverDueWebhooks());
        advance(6);
        assertEquals(0, emu.deliverDueWebhooks());
        advance(1);
        assertEquals(1, emu.deliverDueWebhooks(), "first retry after 7 s");
        received();
        Map<?, ?> envelope = json(received());
        assertEquals("ERROR", envelope.get("status"));
        assertEquals("Invalid status code: 500", envelope.get("error"));
        assertEquals("internal_server_error", TestHttp.at(envelope, "payload", "error_type"));
    }

    @Test
    void aCancelSignalToARunningFalJobStillEndsInItsOkWebhook() throws Exception {
        String hook = URLEncoder.encode(receiver.url("/fal").toString(), StandardCharsets.UTF_8);
        TestHttp.Result submit = falSubmit(FAL_I2V + "?fal_webhook=" + hook, falInput());
        assertEquals(202, falPut((String) submit.at("cancel_url")).code(), "already running");
        advance(10);
        assertEquals(1, emu.deliverDueWebhooks());
        assertEquals("OK", json(received()).get("status"));
    }

    @Test
    void jwksHasTheDocumentedShapeAndIsDeterministicUnderASeed() throws Exception {
        TestHttp.Result jwks = http.get(emu.jwksUrl());
        Map<?, ?> key = (Map<?, ?>) jwks.at("keys", 0);
        assertEquals("OKP", key.get("kty"));
        assertEquals("Ed25519", key.get("crv"));
        assertEquals(32, Base64.getUrlDecoder().decode((String) key.get("x")).length);
        try (ProviderEmulator twin = ProviderEmulator.builder().clock(clock).seed(42L).start()) {
            assertEquals(jwks.json(), http.get(twin.jwksUrl()).json());
        }
    }

    private PublicKey jwksKey() throws Exception {
        String x = (String) http.get(emu.jwksUrl()).at("keys", 0, "x");
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100"); // X.509 header for Ed25519
        byte[] encoded = new byte[prefix.length + raw.length];
        System.arraycopy(prefix, 0, encoded, 0, prefix.length);
        System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
        assertArrayEquals(raw, java.util.Arrays.copyOfRange(encoded, 12, 44));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
