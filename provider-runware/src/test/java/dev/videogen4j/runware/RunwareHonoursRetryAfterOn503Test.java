package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 503 that says {@code Retry-After} is retried after that wait (capped by the max-retry-after setting), like a
 * 429: RFC 9110 lets a 503 say when the service will be back, and Runware's own advice is to back off.
 */
class RunwareHonoursRetryAfterOn503Test {
    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger(2);

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (unavailable.getAndDecrement() > 0) {
                    return Fixtures.json(503, "{\"errors\":[{\"code\":\"serviceUnavailable\",\"message\":\"Maintenance.\"}]}")
                            .newBuilder().addHeader("Retry-After", unavailable.get() == 1 ? "7" : "120").build();
                }
                return Fixtures.ackOf(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSubmitWaitsWhatThe503AskedCappedByMaxRetryAfter() {
        VideoClient client = VideoClient.builder().provider("runware").apiKey("runware", Fixtures.KEY)
                .baseUrl("runware", server.url("/v1").toString())
                .environment(java.util.Map.of("VIDEOGEN4J_RETRY_MAX_RETRY_AFTER", "60s"))
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .listener(new VideoJobListener() {
                    @Override
                    public void onRetry(String provider, dev.videogen4j.spi.Operation operation, int attempt, Throwable cause, Duration wait) {
                        waits.add(wait);
                    }
                }).build();
        try {
            CompletableFuture<VideoJob> job = client.submitAsync(EmulatorHarness.request(0));
            scheduler.runUntil(job::isDone, Duration.ofMinutes(5));
            job.join();
        } finally {
            client.close();
        }
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(60)), waits);
        assertEquals(3, server.getRequestCount());
    }
}
