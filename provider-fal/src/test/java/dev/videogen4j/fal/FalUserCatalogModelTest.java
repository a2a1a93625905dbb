package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Quote;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fal endpoint the bundle does not know, added by a user's catalog file with its wire mapping, generates without
 * any code: the body is written as the entry says, the quote uses the entry's dated price, and the job completes
 * against a plain MockWebServer speaking fal's queue protocol.
 */
class FalUserCatalogModelTest {
    static final String ENDPOINT = "fal-ai/ltx-2/text-to-video/fast";
    static final String CATALOG = "{\"provider\": \"fal\", \"models\": [{\"id\": \"" + ENDPOINT + "\", \"family\": \"ltx-2-fast\","
            + " \"workflows\": [\"t2v\"], \"durations\": [6, 8, 10], \"resolutions\": [\"1080p\", \"1440p\"],"
            + " \"audio\": \"on-by-default\", \"frameImages\": [],"
            + " \"pricing\": {\"perSecond\": 0.04, \"source\": \"my reading of fal's page\", \"asOf\": \"2026-11-20\"},"
            + " \"source\": \"https://fal.ai/models/" + ENDPOINT + "\", \"checked\": \"2026-11-20\","
            + " \"wire\": {\"prompt\": \"prompt\", \"durationSeconds\": \"duration\", \"resolution\": \"resolution\","
            + " \"generateAudio\": \"generate_audio\", \"webhookUrl\": {\"to\": \"fal_webhook\", \"as\": \"query\"}}}]}";

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aUserCatalogEndpointGeneratesAgainstAPlainMockWebServer(@TempDir Path dir) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                seen.add(r);
                String base = server.url("/fal-ai/ltx-2/requests/r-1").toString();
                String path = r.getUrl().encodedPath();
                if ("POST".equals(r.getMethod())) {
                    return json("{\"request_id\": \"r-1\", \"status\": \"IN_QUEUE\", \"status_url\": \"" + base + "/status\","
                            + " \"response_url\": \"" + base + "\", \"cancel_url\": \"" + base + "/cancel\", \"queue_position\": 0}");
                }
                if (path.endsWith("/status")) return json("{\"status\": \"COMPLETED\", \"request_id\": \"r-1\"}");
                return json("{\"video\": {\"url\": \"https://cdn.example.com/fox.mp4\", \"content_type\": \"video/mp4\"}}");
            }
        });
        server.start();
        Path models = Files.writeString(dir.resolve("my-models.json"), CATALOG);
        try (VideoClient client = VideoClient.builder().provider("fal").apiKey("fal", FalFixtures.KEY)
                .baseUrl("fal", server.url("/").toString()).modelsFile(models)
                .clock(scheduler.clock()).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10)).build()) {
            TextToVideoRequest request = TextToVideoRequest.builder().model("ltx-2-fast").prompt("A fox in the snow")
                    .durationSeconds(8).resolution("1080p").generateAudio(false).build();

            Quote.Line line = client.quote(request).lines().get(0);
            assertEquals(ENDPOINT, line.model());
            assertEquals(0, new BigDecimal("0.32").compareTo(line.price().orElseThrow()));

            CompletableFuture<VideoResult> f = client.generateAsync(request, Duration.ofMinutes(5));
            assertTrue(scheduler.runUntil(f::isDone, Duration.ofHours(1)));
            assertEquals("https://cdn.example.com/fox.mp4", f.join().videos().get(0).url());
        }
        RecordedRequest submit = seen.get(0);
        assertEquals("/" + ENDPOINT, submit.getUrl().encodedPath());
        assertEquals("{\"prompt\":\"A fox in the snow\",\"duration\":8,\"resolution\":\"1080p\",\"generate_audio\":false}",
                submit.getBody().utf8());
    }

    /** The same catalog entry against the emulator given the same extra endpoint: no code either. */
    @Test
    void theSameEntryGeneratesAgainstTheEmulatorGivenTheSameExtraEndpoint(@TempDir Path dir) throws Exception {
        Path models = Files.writeString(dir.resolve("my-models.json"), CATALOG);
        try (ProviderEmulator emulator = ProviderEmulator.builder().clock(scheduler.clock()).seed(7L)
                .timing(Duration.ofSeconds(3), Duration.ofSeconds(20)).extraFalEndpoint(ENDPOINT, false, new BigDecimal("0.04"))
                .start();
             VideoClient client = VideoClient.builder().provider("fal").apiKey("fal", emulator.falApiKey())
                     .baseUrl("fal", emulator.falQueueBaseUrl()).modelsFile(models)
                     .clock(scheduler.clock()).scheduler(scheduler).callExecutor(Runnable::run)
                     .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10)).build()) {
            CompletableFuture<VideoResult> f = client.generateAsync(TextToVideoRequest.builder().model("ltx-2-fast")
                    .prompt("A fox in the snow").durationSeconds(8).resolution("1080p").build(), Duration.ofMinutes(5));
            assertTrue(scheduler.runUntil(f::isDone, Duration.ofHours(1)));
            VideoResult r = f.join();
            assertEquals(1, r.videos().size());
            assertEquals(0, new BigDecimal("0.32").compareTo(r.cost().amount().orElseThrow()), "estimated from the entry's price");
            assertEquals(1, emulator.stats().requests("fal.submit"));
        }
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }
}
