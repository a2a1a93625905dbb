package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole client with batched submits and polls, against the Runware emulator in virtual time. */
class RunwareBatchingTest {
    private static final Duration WINDOW = Duration.ofMillis(50);

    private MutableClock clock;
    private VirtualScheduler scheduler;
    private ProviderEmulator emulator;
    private VideoClient client;

    @BeforeEach
    void start() {
        clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        scheduler = new VirtualScheduler(clock);
        emulator = ProviderEmulator.builder().clock(clock).seed(3L).timing(Duration.ZERO, Duration.ofSeconds(3)).start();
        client = VideoClient.builder().provider("runware").apiKey("runware", emulator.runwareApiKey())
                .baseUrl("runware", emulator.runwareBaseUrl()).clock(clock).scheduler(scheduler)
                .callExecutor(Runnable::run).pollInterval(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1))
                .batchSubmits("runware").batchPolling("runware").build();
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void jobsSubmittedTogetherShareOneSubmitRequestAndEveryPollRequest() {
        List<CompletableFuture<VideoResult>> jobs = generate(5);
        assertEquals(0, emulator.stats().httpRequests("runware"), "submits wait for the batch window");

        scheduler.advanceBy(WINDOW);
        EmulatorStats afterSubmit = emulator.stats();
        assertEquals(1, afterSubmit.httpRequests("runware"));
        assertEquals(5, afterSubmit.requests("runware.videoInference"));
        assertEquals(5, afterSubmit.billableJobs("runware"));

        jobs.forEach(j -> assertEquals(1, complete(j).videos().size()));
        EmulatorStats end = emulator.stats();
        long pollRequests = end.httpRequests("runware") - 1;
        assertTrue(pollRequests >= 3, "a 3 s job polled every second is polled at least 3 times: " + pollRequests);
        assertEquals(5 * pollRequests, end.requests("runware.getResponse"), "every poll request asks for all five jobs");
    }

    @Test
    void aBatchWhoseAnswerIsLostIsSentAgainAndEveryJobIsBilledOnce() {
        emulator.faults(FaultPlan.builder().next(Fault.RESET_AFTER_REQUEST, "runware.videoInference").build());
        List<CompletableFuture<VideoResult>> jobs = generate(4);

        jobs.forEach(j -> assertEquals(1, complete(j).videos().size()));
        EmulatorStats stats = emulator.stats();
        assertEquals(8, stats.requests("runware.videoInference"), "the whole batch was sent twice");
        assertEquals(4, stats.refusedResubmissions("runware"), "the second time under the same taskUUIDs");
        assertEquals(0, stats.duplicateSubmissions("runware"), "no job was created twice");
        assertEquals(4, stats.billableJobs("runware"));
    }

    @Test
    void aJobRunwareRefusesFailsAloneAndTheOthersGoOn() {
        List<CompletableFuture<VideoResult>> jobs = generate(2);
        CompletableFuture<VideoResult> refused = client.generateAsync(request(9).toBuilder()
                .providerOption("outputFormat", "AVI").build(), Duration.ofMinutes(5));

        jobs.forEach(j -> assertEquals(1, complete(j).videos().size()));
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> complete(refused));
        assertInstanceOf(InvalidRequestException.class, e.getCause());
        assertEquals(1, emulator.stats().requests("runware.videoInference") - 2, "it went in the same request");
        assertEquals(2, emulator.stats().billableJobs("runware"));
    }

    private List<CompletableFuture<VideoResult>> generate(int n) {
        List<CompletableFuture<VideoResult>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(client.generateAsync(request(i), Duration.ofMinutes(5)));
        return out;
    }

    private static ImageToVideoRequest request(int n) {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("A slow glide, take " + n)
                .image(ImageInput.url("https://assets.runware.ai/assets/inputs/b55e51f6-3230-485d-98cf-366322165339.jpg"))
                .durationSeconds(5).build();
    }

    private <T> T complete(CompletableFuture<T> f) {
        assertTrue(scheduler.runUntil(f::isDone, Duration.ofMinutes(10)), "not done within 10 virtual minutes");
        return f.join();
    }
}
