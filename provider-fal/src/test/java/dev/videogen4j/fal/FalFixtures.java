package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.fal.internal.FalJson;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.SubmitContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared test data: the key, a provider pointed at a MockWebServer, the catalog, fal's JSON. */
final class FalFixtures {
    static final String KEY = "fal-test-key-7c1d:9a0e5b3f2d";
    static final String REQUEST_ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    static final String STD_I2V = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    static final String PRO_I2V = "fal-ai/kling-video/v2.5-turbo/pro/image-to-video";
    static final String PRO_T2V = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_760_000_000L), ZoneOffset.UTC);
    static final List<ModelCapabilities> CATALOG = ModelCatalog.load(FalProvider.class, FalProvider.CATALOG);
    /** The eleven Kling endpoints (v1.6, v2.1, v2.5-turbo) the catalog started from. */
    static final List<ModelCapabilities> KLING = CATALOG.stream()
            .filter(m -> m.id().matches("fal-ai/kling-video/v(1\\.6|2\\.1|2\\.5-turbo)/.*")).toList();

    // Seed 003 (fal model page, Kling v2.5 Turbo Standard image-to-video): its input example, verbatim.
    static final String SEED_PROMPT = "In a dimly lit room, a playful cat's eyes light up, fixated on a dancing red dot."
            + " With boundless energy, it pounces and leaps, chasing the elusive beam across the floor and up the walls."
            + " The simple joy of the hunt unfolds in clear, uncomplicated visuals.";
    static final String SEED_IMAGE = "https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png";

    static final String SUBMIT_OK = "{\"request_id\": \"" + REQUEST_ID + "\","
            + " \"response_url\": \"https://queue.fal.run/fal-ai/kling-video/requests/" + REQUEST_ID + "\","
            + " \"status_url\": \"https://queue.fal.run/fal-ai/kling-video/requests/" + REQUEST_ID + "/status\","
            + " \"cancel_url\": \"https://queue.fal.run/fal-ai/kling-video/requests/" + REQUEST_ID + "/cancel\","
            + " \"queue_position\": 0}";

    private FalFixtures() {
    }

    static FalProvider provider(MockWebServer server) {
        return provider(server, Map.of());
    }

    static FalProvider provider(MockWebServer server, Map<String, String> settings) {
        return provider(server.url("/").toString(), settings);
    }

    static FalProvider provider(String baseUrl, Map<String, String> settings) {
        ProviderConfig config = new ProviderConfig("fal", ApiKey.of(KEY), baseUrl, Duration.ofSeconds(5),
                Duration.ofSeconds(5), settings, CLOCK);
        return (FalProvider) new FalProviderFactory().create(config);
    }

    static ModelCapabilities model(String endpointId) {
        return CATALOG.stream().filter(m -> m.id().equals(endpointId)).findFirst().orElseThrow();
    }

    static SubmitContext context(String endpointId) {
        return new SubmitContext(model(endpointId), "0b7e5d0c-3a55-4c7e-9a51-6f0f3f3f0e11");
    }

    /** A minimal valid image-to-video request for kling-2.5-turbo-standard. */
    static dev.videogen4j.ImageToVideoRequest imageToVideo() {
        return dev.videogen4j.ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("p")
                .image(dev.videogen4j.ImageInput.url(SEED_IMAGE)).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    /** Compares JSON by value (key order ignored), with a readable failure. */
    static void assertJson(String expected, String actual) {
        assertEquals(FalJson.readAny(expected), FalJson.readAny(actual), () -> "expected " + expected + "\nbut was  " + actual);
    }
}
