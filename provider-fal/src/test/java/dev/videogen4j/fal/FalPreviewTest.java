package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.SEED_IMAGE;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.SUBMIT_OK;
import static dev.videogen4j.fal.FalFixtures.body;
import static dev.videogen4j.fal.FalFixtures.context;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dry run shows the request a submit sends, byte for byte, without sending anything. */
class FalPreviewTest {
    private final MockWebServer server = new MockWebServer();
    private FalProvider fal;

    @BeforeEach
    void start() throws Exception {
        server.start();
        fal = FalFixtures.provider(server, Map.of("start.timeout", "45", "max.queue.length", "20"));
    }

    @AfterEach
    void stop() {
        fal.close();
        server.close();
    }

    @Test
    void previewIsWhatTheSubmitSendsWithTheKeyRedacted() throws Exception {
        ImageToVideoRequest request = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("p")
                .image(ImageInput.url(SEED_IMAGE)).durationSeconds(10).cfgScale(0.5)
                .webhookUrl("https://example.com/hooks/fal?tenant=a").build();

        HttpPreview preview = fal.preview(request, context(STD_I2V));
        assertEquals(0, server.getRequestCount(), "a preview sends nothing");

        server.enqueue(json(200, SUBMIT_OK));
        fal.submit(request, context(STD_I2V));
        RecordedRequest sent = server.takeRequest();

        assertEquals("fal", preview.providerId());
        assertEquals(STD_I2V, preview.model());
        assertEquals("POST", preview.method());
        assertEquals(sent.getUrl().toString(), preview.url());
        assertEquals(body(sent), preview.body());
        assertEquals("{\"prompt\":\"p\",\"image_url\":\"" + SEED_IMAGE + "\",\"duration\":\"10\",\"cfg_scale\":0.5}",
                preview.body());
        assertEquals(List.of("Content-Type", "X-Fal-Request-Timeout", "Authorization", "Accept", "User-Agent"),
                List.copyOf(preview.headers().keySet()));
        assertEquals("Key ****", preview.headers().get("Authorization"));
        preview.headers().forEach((name, value) -> {
            if (!name.equals("Authorization")) assertEquals(sent.getHeaders().get(name), value, name);
        });
        assertFalse(preview.toString().contains(FalFixtures.KEY));
    }

    @Test
    void aFamilyIsPreviewedOnTheEndpointOfTheRequestsWorkflow() {
        HttpPreview preview = fal.preview(TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("waves").build(),
                context(FalFixtures.PRO_I2V));
        assertEquals(FalFixtures.PRO_T2V, preview.model());
        assertEquals(server.url("/" + FalFixtures.PRO_T2V) + "?fal_max_queue_length=20", preview.url());
        assertEquals(0, server.getRequestCount());
    }
}
