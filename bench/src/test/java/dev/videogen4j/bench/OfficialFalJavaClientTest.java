package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fal.client.ClientConfig;
import ai.fal.client.CredentialsResolver;
import ai.fal.client.FalClient;
import ai.fal.client.Output;
import ai.fal.client.SubscribeOptions;
import ai.fal.client.exception.FalException;
import com.google.gson.JsonObject;
import dev.videogen4j.emulator.ProviderEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * fal's official Java client ({@code ai.fal.client:fal-client}, from Maven Central) still completes a Kling
 * image-to-video job against the emulator, and sees a refused input as fal shows it: a failed result after the job
 * COMPLETED (issue 13). The client goes through fal's proxy convention ({@code x-fal-target-url}), which the
 * emulator plays, so the client's own URL building and its status stream are what run. Its JavaScript sibling is
 * checked by {@code .ci/fal-js-client-check}.
 */
class OfficialFalJavaClientTest {
    private static final String ENDPOINT = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    private ProviderEmulator emulator;
    private FalClient fal;

    @BeforeEach
    void start() {
        // Zero queue and run time: the status stream reaches COMPLETED at once, nothing waits on real time.
        emulator = ProviderEmulator.builder().seed(13L).timing(Duration.ZERO, Duration.ZERO).start();
        fal = FalClient.withConfig(ClientConfig.builder()
                .withCredentials(CredentialsResolver.fromApiKey(emulator.falApiKey()))
                .withProxyUrl(emulator.baseUrl() + "/fal-proxy").build());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Output<JsonObject> subscribe(Map<String, Object> input) {
        return fal.subscribe(ENDPOINT, SubscribeOptions.<JsonObject>builder().input(input).resultType(JsonObject.class)
                .logs(true).build());
    }

    @Test
    void subscribeCompletesAKlingImageToVideoJob() {
        Output<JsonObject> out = subscribe(Map.of("prompt", "A playful cat chases a red dot",
                "image_url", "https://example.com/cat.png", "duration", "5"));
        String url = out.getData().getAsJsonObject("video").get("url").getAsString();
        assertTrue(url.endsWith(".mp4"), url);
        assertTrue(out.getRequestId() != null && !out.getRequestId().isBlank());
        assertEquals(1, emulator.stats().requests("fal.submit"));
        assertEquals(1, emulator.stats().requests("fal.result"));
    }

    @Test
    void aRefusedInputFailsOnTheResultAfterCompletedAsOnFal() {
        FalException e = assertThrows(FalException.class, () -> subscribe(Map.of("prompt", "A cat",
                "image_url", "https://example.com/cat.png", "duration", "7")));
        assertTrue(String.valueOf(e.getMessage()).contains("422"), e.getMessage());
        assertEquals(1, emulator.stats().jobsSubmitted("fal"), "the queue accepted it first");
    }
}
