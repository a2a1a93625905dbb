package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.KEY;
import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ProviderConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key goes into the Authorization header and nowhere else: not messages, not toString, not stack traces. */
class RunwareSecretsTest {
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
    void echoedKeysAreRedactedFromEveryKindOfFailure() {
        String echo = "key " + KEY + " rejected";
        server.enqueue(json(401, "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"" + echo + "\",\"parameter\":\"apiKey\"}]}"));
        server.enqueue(json(400, "{\"errors\":[{\"code\":\"invalidPositivePrompt\",\"message\":\"" + echo + "\",\"parameter\":\"positivePrompt\"}]}"));
        server.enqueue(json(500, "<html>" + echo + "</html>"));
        server.enqueue(json(200, "{\"errors\":[{\"code\":\"weird\",\"message\":\"" + echo + "\"}]}"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        for (int i = 0; i < 4; i++) {
            assertClean(assertThrows(VideoGenException.class, this::submit));
        }
        assertClean(assertThrows(VideoGenException.class, () -> provider.poll(JobId.of("runware", "klingai:6@0", TASK))));
    }

    @Test
    void aPromptThatContainsTheKeyIsRedactedInTheViolation() {
        server.enqueue(json(400, "{\"errors\":[{\"code\":\"invalidPositivePrompt\",\"message\":\"too short\",\"parameter\":\"positivePrompt\"}]}"));
        VideoGenException e = assertThrows(VideoGenException.class, () -> provider.submit(ImageToVideoRequest.builder()
                .model("klingai:6@0").prompt("oops " + KEY).image(ImageInput.url("https://example.com/a.jpg")).build(),
                context(provider, "klingai:6@0", TASK)));
        assertClean(e);
    }

    @Test
    void configAndProviderPrintNoKey() {
        ProviderConfig config = Fixtures.config(server.url("/v1").toString());
        assertFalse(config.toString().contains(KEY));
        assertFalse(provider.toString().contains(KEY));
    }

    @Test
    void theKeyIsSentAsABearerToken() throws Exception {
        server.enqueue(json(200, Fixtures.ack(TASK)));
        submit();
        assertTrue(Fixtures.take(server).getHeaders().get("Authorization").equals("Bearer " + KEY));
    }

    private void submit() {
        provider.submit(ImageToVideoRequest.builder().model("klingai:6@0").prompt("Slow glide")
                .image(ImageInput.url("https://example.com/first.jpg")).build(), context(provider, "klingai:6@0", TASK));
    }

    private static void assertClean(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(KEY), "key leaked: " + trace);
        assertFalse(String.valueOf(e).contains(KEY));
    }
}
