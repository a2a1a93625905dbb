package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.onlyTask;
import static dev.videogen4j.runware.Fixtures.take;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.SubmitContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the newer Runware entries share: a provider on a MockWebServer, sending one neutral request and
 * reading back the one task that went out, and the catalog model by id.
 */
abstract class ModelPageTestBase {
    final MockWebServer server = new MockWebServer();
    RunwareProvider provider;

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

    /** Submits {@code r} to {@code model} as task {@code uuid}; returns the task as sent. */
    Map<String, Object> send(VideoRequest r, String model, String uuid) {
        server.enqueue(ok(ack(uuid)));
        SubmitContext ctx = new SubmitContext(model(model), uuid);
        if (r instanceof TextToVideoRequest) provider.submit((TextToVideoRequest) r, ctx);
        else provider.submit((ImageToVideoRequest) r, ctx);
        return onlyTask(take(server));
    }

    ModelCapabilities model(String id) {
        return Fixtures.model(provider, id);
    }

    static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).collect(Collectors.toList());
    }
}
