package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.ProviderEmulatorBuilder;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Both real adapters against one emulator, in virtual time: a client per routing policy, a request both vendors
 * serve, and a way to run a future to completion without waiting for real.
 */
final class TwoVendors implements AutoCloseable {
    static final String RUNWARE_STD = "klingai:6@0";
    static final String FAL_STD = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    static final String RUNWARE_21 = "klingai:5@1";
    static final String FAL_21 = "fal-ai/kling-video/v2.1/standard/image-to-video";
    static final Duration POLL = Duration.ofSeconds(1);

    final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final ProviderEmulator emulator;
    private final List<VideoClient> clients = new ArrayList<>();

    TwoVendors(java.util.function.UnaryOperator<ProviderEmulatorBuilder> emulatorSettings) {
        emulator = emulatorSettings.apply(ProviderEmulator.builder().clock(clock).seed(11L)).start();
    }

    static ImageToVideoRequest request(String model) {
        return ImageToVideoRequest.builder().model(model).prompt("A slow cinematic glide through an ancient clocktower")
                .image(ImageInput.url("https://example.com/first.jpg")).durationSeconds(5).build();
    }

    VideoClientBuilder builder(String routing) {
        return VideoClient.builder().environment(java.util.Map.of()).routing(routing)
                .apiKey("runware", emulator.runwareApiKey()).baseUrl("runware", emulator.runwareBaseUrl())
                .apiKey("fal", emulator.falApiKey()).baseUrl("fal", emulator.falQueueBaseUrl())
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(POLL, 1.0, POLL);
    }

    VideoClient client(String routing) {
        VideoClient c = builder(routing).build();
        clients.add(c);
        return c;
    }

    /** Runs virtual time until the future is done; returns its value or throws its failure. */
    <T> T complete(CompletableFuture<T> f) {
        assertTrue(scheduler.runUntil(f::isDone, Duration.ofHours(1)), "not done within an hour of virtual time");
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            throw e;
        }
    }

    @Override
    public void close() {
        clients.forEach(VideoClient::close);
        emulator.close();
    }
}
