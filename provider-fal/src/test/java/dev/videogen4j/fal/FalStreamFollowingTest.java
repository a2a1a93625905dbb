package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client follows fal jobs on the status stream with its own threads (streams are read in real time), against
 * the emulator and against a plain MockWebServer: three requests per job; a dropped, unreadable or refused stream
 * hands the job to polling, which finds it. Job time is the emulator's {@link MutableClock}: nothing sleeps.
 */
class FalStreamFollowingTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private ProviderEmulator emulator;
    private MockWebServer server;
    private VideoClient client;

    @AfterEach
    void close() {
        if (client != null) client.close();
        if (emulator != null) emulator.close();
        if (server != null) server.close();
    }

    private VideoClient onEmulator(Map<String, String> env) {
        emulator = ProviderEmulator.builder().clock(clock).seed(42L).timing(Duration.ZERO, Duration.ofSeconds(10)).start();
        client = VideoClient.builder().provider("fal").apiKey("fal", emulator.falApiKey())
                .baseUrl("fal", emulator.falQueueBaseUrl()).clock(clock).environment(env)
                .pollInterval(Duration.ofMillis(500), 1.0, Duration.ofMillis(500)).build();
        return client;
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) TimeUnit.MILLISECONDS.sleep(10);
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }

    @Test
    void aStreamedJobCostsThreeRequestsSubmitStreamResult() throws Exception {
        VideoClient c = onEmulator(Map.of());
        CompletableFuture<VideoResult> f = c.generateAsync(EmulatorHarness.request(0), Duration.ofMinutes(5));
        waitFor(() -> emulator.stats().requests("fal.stream") == 1);
        clock.advance(Duration.ofSeconds(10));

        VideoResult r = f.get(5, TimeUnit.SECONDS);
        assertEquals(1, r.videos().size());
        assertEquals(Map.of("fal.submit", 1L, "fal.stream", 1L, "fal.result", 1L),
                Map.of("fal.submit", emulator.stats().requests("fal.submit"),
                        "fal.stream", emulator.stats().requests("fal.stream"),
                        "fal.result", emulator.stats().requests("fal.result")));
        assertEquals(3, emulator.stats().httpRequests("fal"));
    }

    @Test
    void jobsBeyondTheStreamBudgetArePolled() throws Exception {
        VideoClient c = onEmulator(Map.of("VIDEOGEN4J_STATUS_STREAMS", "1"));
        CompletableFuture<VideoResult> first = c.generateAsync(EmulatorHarness.request(1), Duration.ofMinutes(5));
        waitFor(() -> emulator.stats().requests("fal.stream") == 1);
        CompletableFuture<VideoResult> second = c.generateAsync(EmulatorHarness.request(2), Duration.ofMinutes(5));
        waitFor(() -> emulator.stats().requests("fal.status") >= 1);
        clock.advance(Duration.ofSeconds(10));

        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertEquals(1, emulator.stats().requests("fal.stream"));
        assertEquals(2, emulator.stats().requests("fal.result"));
    }

    @Test
    void streamsOffPollsEveryJob() throws Exception {
        VideoClient c = onEmulator(Map.of("VIDEOGEN4J_STATUS_STREAMS", "0"));
        CompletableFuture<VideoResult> f = c.generateAsync(EmulatorHarness.request(3), Duration.ofMinutes(5));
        waitFor(() -> emulator.stats().requests("fal.status") >= 1);
        clock.advance(Duration.ofSeconds(10));
        f.get(5, TimeUnit.SECONDS);
        assertEquals(0, emulator.stats().requests("fal.stream"));
    }

    /** A fal stand-in whose stream answers {@code stream}; status says COMPLETED, the result is a video. */
    private List<String> onMockServer(MockResponse stream) throws Exception {
        server = new MockWebServer();
        List<String> seen = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                String base = server.url("/fal-ai/kling-video/requests/r-1").toString();
                if ("POST".equals(r.getMethod())) {
                    seen.add("submit");
                    return FalFixtures.json(200, "{\"request_id\": \"r-1\", \"status_url\": \"" + base + "/status\","
                            + " \"response_url\": \"" + base + "\", \"cancel_url\": \"" + base + "/cancel\"}");
                }
                if (path.endsWith("/status/stream")) {
                    seen.add("stream");
                    return stream;
                }
                if (path.endsWith("/status")) {
                    seen.add("status");
                    return FalFixtures.json(200, "{\"status\": \"COMPLETED\", \"request_id\": \"r-1\"}");
                }
                seen.add("result");
                return FalFixtures.json(200, "{\"video\": {\"url\": \"https://cdn.example.com/v.mp4\"}}");
            }
        });
        server.start();
        client = VideoClient.builder().provider("fal").apiKey("fal", FalFixtures.KEY)
                .baseUrl("fal", server.url("/").toString()).build();
        VideoResult r = client.generateAsync(EmulatorHarness.request(0), Duration.ofMinutes(1)).get(5, TimeUnit.SECONDS);
        assertEquals("https://cdn.example.com/v.mp4", r.videos().get(0).url());
        return seen;
    }

    private static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    @Test
    void onAPlainServerTheStreamsCompletedIsFollowedByTheResultAtOnce() throws Exception {
        assertEquals(List.of("submit", "stream", "result"), onMockServer(events(
                "data: {\"status\": \"IN_PROGRESS\"}\n\ndata: {\"status\": \"COMPLETED\"}\n\n")));
    }

    @Test
    void aStreamThatDropsMidWayHandsTheJobToAPollThatFindsItDone() throws Exception {
        assertEquals(List.of("submit", "stream", "status", "result"),
                onMockServer(events("data: {\"status\": \"IN_QUEUE\", \"queue_position\": 3}\n\n")));
    }

    @Test
    void anUnreadableStreamIsPolledInsteadAndNoErrorReachesTheCaller() throws Exception {
        assertEquals(List.of("submit", "stream", "status", "result"),
                onMockServer(events("data: {\"status\": \"IN_PROG\n\n")));
    }

    @Test
    void aServerWithoutTheStreamIsPolled() throws Exception {
        assertEquals(List.of("submit", "stream", "status", "result"),
                onMockServer(FalFixtures.json(404, "{\"detail\": \"Not Found\"}")));
    }
}
