package dev.videogen4j.spring.app;

import static dev.videogen4j.spring.app.EmulatorApplication.EMULATOR;
import static dev.videogen4j.spring.app.EmulatorApplication.PORT;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.observation.CircuitState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One application, configured by properties only, on the emulator: what a Spring Boot user sees. */
@SpringBootTest(classes = EmulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class VideoGenStarterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    VideoClient client;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestObservationRegistry observations;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        EmulatorApplication.properties(r);
    }

    private static ImageToVideoRequest request(String model, String prompt) {
        return ImageToVideoRequest.builder().model(model).prompt(prompt)
                .image(ImageInput.url("https://example.com/inputs/first-frame.jpg")).durationSeconds(5).build();
    }

    @Test
    void theBeanFromPropertiesGeneratesAVideoCompletedByItsVerifiedFalWebhookAndObserved() {
        long statusPollsBefore = EMULATOR.stats().requests("fal.status");

        VideoResult r = client.generate(request("kling-2.5-turbo-standard", "A lighthouse at dawn, slow pan"),
                Duration.ofSeconds(20));

        assertEquals("fal", r.providerId());
        assertTrue(r.video().url().startsWith("http"), r.video().url());
        // Never polled (webhooks are on: a safety poll every 5 minutes): its signed webhook, verified by the
        // endpoint, completed it.
        assertEquals(statusPollsBefore, EMULATOR.stats().requests("fal.status"));
        assertThat(observations).hasObservationWithNameEqualTo("videogen4j.job").that()
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "fal")
                .hasLowCardinalityKeyValue("videogen4j.model.family", "kling-2.5-turbo-standard")
                .hasLowCardinalityKeyValue("videogen4j.outcome", "succeeded")
                .hasHighCardinalityKeyValue("videogen4j.job.id", r.jobId().toString());
        assertTrue(meters.get("videogen4j.cost").tag("videogen4j.cost.kind", "quoted")
                .tag("gen_ai.provider.name", "fal").counter().count() > 0);
        assertTrue(meters.get("videogen4j.cost").tag("videogen4j.cost.kind", "actual")
                .tag("gen_ai.provider.name", "fal").counter().count() > 0);
        // Boot's own observation handler turns the observations into timers too.
        assertTrue(meters.get("videogen4j.provider.call").tag("videogen4j.operation", "submit").timer().count() >= 1);
    }

    @Test
    void aForgedFalWebhookGets401AndChangesNothing() throws Exception {
        VideoJob job = client.submit(request(EmulatorApplication.SLOW_FAL_MODEL, "A fox in the snow, forged"));
        CompletableFuture<VideoResult> waiting = client.awaitAsync(job.jobId(), Duration.ofMinutes(1));
        String body = "{\"request_id\":\"" + job.jobId().nativeJobId() + "\",\"gateway_request_id\":\""
                + job.jobId().nativeJobId() + "\",\"status\":\"OK\",\"payload\":{\"video\":{\"url\":"
                + "\"https://evil.example/v.mp4\"}}}";

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/videogen4j/webhooks/fal"))
                .header("Content-Type", "application/json")
                .header("X-Fal-Webhook-Request-Id", job.jobId().nativeJobId())
                .header("X-Fal-Webhook-User-Id", "someone")
                .header("X-Fal-Webhook-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .header("X-Fal-Webhook-Signature", "00".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, answer.statusCode());
        assertFalse(waiting.isDone());
        assertEquals(JobState.QUEUED, client.status(job.jobId()).state());
        client.cancel(job.jobId());
    }

    @Test
    void aRunwareWebhookWithoutItsTokenGets401() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/videogen4j/webhooks/runware?token=guessed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":[{\"taskType\":\"videoInference\","
                        + "\"taskUUID\":\"9f1c7a4e-0000-4000-8000-000000000001\",\"status\":\"success\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, answer.statusCode());
    }

    @Test
    void healthIsDownForTheProviderWhoseCircuitIsOpen() throws Exception {
        EMULATOR.providerDown("runware", Duration.ofHours(1));
        for (int i = 0; i < 2; i++) {
            try {
                client.submit(request("klingai:6@0", "A storm over the sea, take " + i));
            } catch (VideoGenException expected) {
                // the outage: a 503 each time, until the circuit opens
            }
        }
        assertEquals(CircuitState.OPEN, client.circuitState("runware"));

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + PORT + "/actuator/health/videogen4j")).build(),
                HttpResponse.BodyHandlers.ofString());

        String json = health.body().replace(" ", "");
        assertEquals(503, health.statusCode(), json);
        String runware = component(json, "runware");
        assertTrue(runware.contains("\"status\":\"DOWN\"") && runware.contains("\"circuit\":\"open\"")
                && runware.contains("\"kind\":\"unavailable\""), json);
        String fal = component(json, "fal");
        assertTrue(fal.contains("\"status\":\"UP\"") && fal.contains("\"circuit\":\"closed\""), json);
        assertFalse(json.contains(EMULATOR.runwareApiKey()), json);
    }

    /** The JSON object of one health component (Boot 3 and 4 order its fields differently). */
    private static String component(String json, String name) {
        int start = json.indexOf("\"" + name + "\":{");
        assertTrue(start >= 0, json);
        int depth = 0;
        for (int i = json.indexOf('{', start); i < json.length(); i++) {
            if (json.charAt(i) == '{') depth++;
            if (json.charAt(i) == '}' && --depth == 0) return json.substring(start, i + 1);
        }
        throw new AssertionError("unbalanced JSON: " + json);
    }
}
