package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.Cost;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The fake provider as an application test would use it: scripted outcomes through the real client. */
class FakeVideoProviderTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final FakeVideoProvider fake = new FakeVideoProvider();
    private final ImageToVideoRequest request = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
            .prompt("A slow glide").image(ImageInput.url("https://example.com/a.jpg")).durationSeconds(5).build();

    private VideoClient client() {
        return VideoClient.builder().providerFactory(fake.factory()).provider("fake").clock(clock)
                .scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)).build();
    }

    private <T> T run(CompletableFuture<T> f) {
        assertTrue(scheduler.runUntil(f::isDone, Duration.ofMinutes(5)));
        try {
            return f.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void scriptedSuccessCarriesItsUrlCostAndTakesItsPolls() {
        fake.enqueue(FakeOutcome.succeed().afterPolls(3).videoUrl("https://cdn.example/v.mp4").cost("0.21"));
        VideoResult r = run(client().generateAsync(request, Duration.ofMinutes(5)));
        assertEquals("https://cdn.example/v.mp4", r.video().url());
        assertEquals(Cost.reported(new BigDecimal("0.21")), r.cost());
        assertEquals(4, fake.polls(), "three RUNNING polls, then the result");
        assertEquals(Duration.ofSeconds(4), r.timings().total());
        assertEquals(request, fake.submissions().get(0));
    }

    @Test
    void unscriptedJobsSucceedWithAnEstimatedCost() {
        VideoResult r = run(client().generateAsync(request, Duration.ofMinutes(5)));
        assertEquals(Cost.estimated(new BigDecimal("0.05")), r.cost(), "the fake catalog's made-up $0.01/s x 5 s");
    }

    @Test
    void scriptedFailureIsAJobFailedExceptionWithTheProvidersReason() {
        fake.enqueue(FakeOutcome.fail("timeoutProvider", "too slow"));
        JobFailedException e = assertThrows(JobFailedException.class,
                () -> run(client().generateAsync(request, Duration.ofMinutes(5))));
        assertEquals(JobState.FAILED, e.status().state());
        assertEquals("too slow", e.status().reason().orElseThrow());
    }

    @Test
    void scriptedSubmitRejectionReachesTheCaller() {
        fake.enqueue(FakeOutcome.rejectSubmit(ProviderErrors.fromHttp(ProviderFailure.builder("fake", Operation.SUBMIT, 401)
                .message("bad key").build())));
        ProviderException e = assertThrows(ProviderException.class, () -> run(client().submitAsync(request)));
        assertEquals(401, e.httpStatus());
        assertEquals(1, fake.submissions().size(), "authentication failures are not retried");
    }

    @Test
    void retryableRejectionIsRetriedLikeARealProvider() {
        fake.enqueue(FakeOutcome.rejectSubmit((RateLimitedException) ProviderErrors.fromHttp(
                ProviderFailure.builder("fake", Operation.SUBMIT, 429).retryAfter(Duration.ofSeconds(2)).build())));
        VideoJob job = run(client().submitAsync(request));
        assertEquals(2, fake.submissions().size());
        assertEquals("fake", job.providerId());
    }

    @Test
    void cancelBeforeTheEndCancelsTheJob() {
        fake.enqueue(FakeOutcome.succeed().afterPolls(10));
        VideoClient c = client();
        VideoJob job = run(c.submitAsync(request));
        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, c.cancel(job.jobId()));
        JobFailedException e = assertThrows(JobFailedException.class, () -> run(c.awaitAsync(job.jobId(), Duration.ofMinutes(1))));
        assertEquals(JobState.CANCELLED, e.status().state());
        assertEquals(1, fake.cancels());
    }

    @Test
    void discoveredUnderIdFakeButNeverRoutedToUnlessNamed() {
        VideoClient named = VideoClient.builder().environment(Map.of("VIDEOGEN4J_PROVIDER", "fake")).build();
        assertEquals("single:fake", named.routing());
        named.close();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> VideoClient.builder().environment(Map.of()).build());
        assertTrue(e.getMessage().startsWith("No provider is configured"), e.getMessage());
    }
}
