package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a webhook safety poll set, webhooks replace polling for the jobs that asked for one. */
class RunwareWebhookPollingTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MockWebServer receiver = new MockWebServer();
    private MutableClock clock;
    private VirtualScheduler scheduler;
    private ProviderEmulator emulator;
    private VideoClient client;

    @BeforeEach
    void start() throws Exception {
        receiver.start();
        clock = MutableClock.startingAt(START);
        scheduler = new VirtualScheduler(clock);
        emulator = ProviderEmulator.builder().clock(clock).seed(5L).timing(Duration.ZERO, Duration.ofSeconds(3)).start();
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        emulator.close();
        receiver.close();
    }

    @Test
    void aJobWithAWebhookIsCompletedByItAndNeverPolled() throws Exception {
        client = builder().webhookSafetyPoll(Duration.ofSeconds(60)).build();
        CompletableFuture<VideoResult> job = client.generateAsync(request(receiver.url("/hooks").toString()),
                Duration.ofMinutes(5));

        scheduler.advanceBy(Duration.ofSeconds(30));
        assertFalse(job.isDone());
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        assertEquals(1, emulator.deliverDueWebhooks());
        RecordedRequest hook = receiver.takeRequest(5, TimeUnit.SECONDS);
        RunwareWebhooks.parse(hook.getBody().utf8()).forEach(client::onWebhook);

        assertTrue(job.isDone(), "the webhook completed the job");
        assertEquals(1, job.join().videos().size());
        assertEquals(0, emulator.stats().requests("runware.getResponse"), "no poll was needed");
    }

    @Test
    void theSafetyPollFindsAJobWhoseWebhookNeverCame() {
        client = builder().environment(Map.of("VIDEOGEN4J_WEBHOOK_SAFETY_POLL", "60s")).build();
        CompletableFuture<VideoResult> job = client.generateAsync(request(receiver.url("/hooks").toString()),
                Duration.ofMinutes(5));

        scheduler.advanceBy(Duration.ofSeconds(59));
        assertFalse(job.isDone());
        assertEquals(0, emulator.stats().requests("runware.getResponse"));
        scheduler.advanceBy(Duration.ofSeconds(2));

        assertTrue(job.isDone(), "found by the poll at 60 s");
        assertEquals(1, emulator.stats().requests("runware.getResponse"));
    }

    @Test
    void jobsWithoutAWebhookArePolledAsUsual() {
        client = builder().webhookSafetyPoll(Duration.ofSeconds(60)).build();
        CompletableFuture<VideoResult> job = client.generateAsync(request(null), Duration.ofMinutes(5));

        scheduler.advanceBy(Duration.ofSeconds(4));

        assertTrue(job.isDone());
        assertEquals(3, emulator.stats().requests("runware.getResponse"), "polled every second until done at 3 s");
    }

    private VideoClientBuilder builder() {
        return VideoClient.builder().provider("runware").apiKey("runware", emulator.runwareApiKey())
                .baseUrl("runware", emulator.runwareBaseUrl()).clock(clock).scheduler(scheduler)
                .callExecutor(Runnable::run).pollInterval(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));
    }

    private static ImageToVideoRequest request(String webhookUrl) {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("A slow glide")
                .image(ImageInput.url("https://assets.runware.ai/assets/inputs/b55e51f6-3230-485d-98cf-366322165339.jpg"))
                .durationSeconds(5).webhookUrl(webhookUrl).build();
    }
}
