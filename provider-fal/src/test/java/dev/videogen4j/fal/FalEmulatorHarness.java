package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.testkit.MutableClock;
import dev.videogen4j.testkit.ProviderEmulator;
import dev.videogen4j.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The whole client on the fal emulator in virtual time: the emulator, the clients and the scheduler share one
 * {@link MutableClock}, provider calls run on the test thread, and waits (polls, backoff, deadlines, the breaker's
 * open period) pass in virtual time. Records what the listener saw.
 */
final class FalEmulatorHarness implements AutoCloseable {
    static final String SUBMIT = "fal.submit";
    static final String POLL = "fal.status";

    final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final ProviderEmulator emulator;
    /** Circuit breaker transitions as {@code FROM->TO}. */
    final List<String> circuit = new CopyOnWriteArrayList<>();
    /** Retries as {@code operation wait}, e.g. {@code submit PT3S}. */
    final List<String> retries = new CopyOnWriteArrayList<>();
    private final List<VideoClient> clients = new ArrayList<>();

    FalEmulatorHarness(Duration queue, Duration run) {
        this.emulator = ProviderEmulator.builder().clock(clock).seed(42L).timing(queue, run).start();
    }

    /** A client builder on this emulator and virtual time; add settings, then {@link #build}. */
    VideoClientBuilder client() {
        return VideoClient.builder()
                .provider("fal")
                .apiKey("fal", emulator.falApiKey())
                .baseUrl("fal", emulator.falQueueBaseUrl())
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .listener(new VideoJobListener() {
                    @Override
                    public void onCircuitStateChanged(String provider, String from, String to) {
                        circuit.add(from + "->" + to);
                    }

                    @Override
                    public void onRetry(String provider, String operation, int attempt, Throwable cause, Duration wait) {
                        retries.add(operation + " " + wait);
                    }
                });
    }

    VideoClient build(VideoClientBuilder builder) {
        VideoClient c = builder.build();
        clients.add(c);
        return c;
    }

    /** Runs virtual time until {@code f} is done (at most an hour of it); returns its value or throws its failure. */
    <T> T complete(CompletableFuture<T> f) {
        assertTrue(scheduler.runUntil(f::isDone, Duration.ofHours(1)), "not done within an hour of virtual time");
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            throw e;
        }
    }

    /** Runs virtual time until every future is done. */
    void completeAll(List<? extends CompletableFuture<?>> fs) {
        assertTrue(scheduler.runUntil(() -> fs.stream().allMatch(CompletableFuture::isDone), Duration.ofHours(2)),
                "not all done within two hours of virtual time");
    }

    /** An image-to-video request; {@code n} makes its prompt (and so its body) unique. */
    static ImageToVideoRequest request(int n) {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A slow cinematic glide through an ancient clocktower chamber, take " + n)
                .image(ImageInput.url("https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png"))
                .durationSeconds(5).build();
    }

    @Override
    public void close() {
        clients.forEach(VideoClient::close);
        emulator.close();
    }
}
