package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.videogen4j.internal.Json;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.SubmitContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared test helpers: a provider pointed at a MockWebServer, seed fixtures, JSON comparison. */
final class Fixtures {
    /** Long enough for ApiKey's redaction. */
    static final String KEY = "rw-test-key-7f3c9a1e5b";
    static final Instant NOW = Instant.parse("2025-11-20T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String TASK = "24cd5dff-cb81-4db5-8506-b72a9425f9d1";

    private Fixtures() {
    }

    static ProviderConfig config(String baseUrl) {
        return new ProviderConfig("runware", ApiKey.of(KEY), baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Map.of(), CLOCK);
    }

    static RunwareProvider provider(MockWebServer server) {
        return (RunwareProvider) new RunwareProviderFactory().create(config(server.url("/v1").toString()));
    }

    static ModelCapabilities model(RunwareProvider p, String nameOrFamily) {
        return p.models().stream().filter(m -> m.answersTo(nameOrFamily)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + nameOrFamily));
    }

    static SubmitContext context(RunwareProvider p, String model, String taskUUID) {
        return new SubmitContext(model(p, model), taskUUID);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    /** The acknowledgement of the submit {@code request} carries: its own taskUUID, read from the body. */
    static MockResponse ackOf(RecordedRequest request) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"taskUUID\":\"([^\"]+)\"").matcher(request.getBody().utf8());
        if (!m.find()) throw new AssertionError("no taskUUID in " + request.getBody().utf8());
        return ok(ack(m.group(1)));
    }

    static String ack(String taskUUID) {
        return "{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + taskUUID + "\"}]}";
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seed(String name) {
        return resource("/dev/videogen4j/runware/seeds/" + name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    static RecordedRequest take(MockWebServer server) {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(r, "no request arrived");
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The request's body as parsed JSON: always an array of tasks at Runware. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tasks(RecordedRequest r) {
        assertNotNull(r.getBody(), "request had no body");
        return (List<Map<String, Object>>) Json.parse(r.getBody().utf8());
    }

    /** The only task of a request. */
    static Map<String, Object> onlyTask(RecordedRequest r) {
        List<Map<String, Object>> tasks = tasks(r);
        assertEquals(1, tasks.size(), "tasks in the array");
        return tasks.get(0);
    }
}
