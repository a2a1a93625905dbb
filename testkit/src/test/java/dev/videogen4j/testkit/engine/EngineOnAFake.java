package dev.videogen4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testkit.ResilienceRecorder;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;

/**
 * Core's engine (retries, circuit breaker, deadlines, resume) on a {@link FlakyFake}, in virtual time: what these
 * tests prove holds for every adapter, so they run once here instead of once per adapter in the provider
 * contract. The clients record circuit transitions ({@code FROM->TO}) and retries ({@code operation wait}).
 */
abstract class EngineOnAFake {
    final MutableClock clock = MutableClock.start();
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final ResilienceRecorder seen = new ResilienceRecorder();
    final List<String> circuit = seen.circuit();
    final List<String> retries = seen.retries();
    private final List<VideoClient> clients = new ArrayList<>();

    FlakyFake fake(Duration queue, Duration run, boolean deduplicates, boolean cancels) {
        return new FlakyFake(clock, queue, run, deduplicates, cancels);
    }

    /** A client builder on {@code fake}, in virtual time; add settings, then {@link #build}. */
    VideoClientBuilder client(FlakyFake fake) {
        return VideoClient.builder().providerFactory(fake.factory()).provider("fake")
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .listener(seen);
    }

    VideoClient build(VideoClientBuilder builder) {
        VideoClient c = builder.build();
        clients.add(c);
        return c;
    }

    <T> T complete(CompletableFuture<T> f) {
        scheduler.runUntilDone(f, Duration.ofHours(1));
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    void completeAll(List<? extends CompletableFuture<?>> futures) {
        if (!scheduler.runUntil(() -> futures.stream().allMatch(CompletableFuture::isDone), Duration.ofHours(2))) {
            throw new AssertionError("not all done within two hours of virtual time");
        }
    }

    /** A valid request; {@code n} makes its prompt unique. */
    static ImageToVideoRequest request(int n) {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A slow cinematic glide through an ancient clocktower chamber, take " + n)
                .image(ImageInput.url("https://example.com/inputs/first-frame.jpg")).durationSeconds(5).build();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(VideoClient::close);
        assertEquals(List.of(), scheduler.failures(), "no scheduled task failed");
    }
}
