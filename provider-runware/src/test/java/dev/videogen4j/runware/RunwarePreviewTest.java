package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.spi.SubmitContext;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A dry run shows the request a submit sends, byte for byte, without sending anything. */
class RunwarePreviewTest {
    private final MockWebServer server = new MockWebServer();
    private RunwareProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        provider = Fixtures.provider(server);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    @Test
    void previewIsWhatTheSubmitSendsWithTheKeyRedacted() {
        ImageToVideoRequest request = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A lighthouse at dusk").image(ImageInput.url("https://example.com/first.jpg"))
                .durationSeconds(10).cfgScale(0.6).negativePrompt("blur").build();
        SubmitContext ctx = context(provider, "kling-2.5-turbo-standard", Fixtures.TASK);

        HttpPreview preview = provider.preview(request, ctx);
        assertEquals(0, server.getRequestCount(), "a preview sends nothing");

        server.enqueue(ok(ack(Fixtures.TASK)));
        provider.submit(request, ctx);
        RecordedRequest sent = take(server);

        assertEquals("runware", preview.providerId());
        assertEquals("klingai:6@0", preview.model());
        assertEquals(sent.getMethod(), preview.method());
        assertEquals(sent.getUrl().toString(), preview.url());
        assertEquals(sent.getBody().utf8(), preview.body());
        assertEquals("Bearer ****", preview.headers().get("Authorization"));
        assertEquals("Bearer " + Fixtures.KEY, sent.getHeaders().get("Authorization"));
        assertEquals(java.util.List.of("Content-Type", "Authorization", "User-Agent"), java.util.List.copyOf(preview.headers().keySet()));
        preview.headers().forEach((name, value) -> {
            if (!name.equals("Authorization")) assertEquals(sent.getHeaders().get(name), value, name);
        });
        assertFalse(preview.toString().contains(Fixtures.KEY));
    }
}
