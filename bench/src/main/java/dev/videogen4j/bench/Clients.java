package dev.videogen4j.bench;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import java.time.Duration;

/**
 * videogen4j as an application would configure it against the emulator: one client, the provider's key and
 * base URL, and the workload's poll schedule. Everything else is the library's default.
 *
 * <pre>{@code
 * try (VideoClient client = Clients.videogen4j("runware", emu.baseUrl(), Duration.ZERO, false)) { ... }
 * }</pre>
 */
final class Clients {
    /** The library's setting for how many jobs it follows on a status stream at once (0: none, poll them). */
    static final String STATUS_STREAMS = "VIDEOGEN4J_STATUS_STREAMS";

    private Clients() {
    }

    /**
     * {@code poll} null keeps the default backoff; zero polls again as soon as an answer is in. {@code batched}
     * sends submits and polls many per request (Runware).
     */
    static VideoClient videogen4j(String provider, String emulatorBase, Duration poll, boolean batched) {
        return builder(provider, emulatorBase, poll, batched).build();
    }

    static VideoClientBuilder builder(String provider, String emulatorBase, Duration poll, boolean batched) {
        boolean runware = provider.equals("runware");
        VideoClientBuilder b = VideoClient.builder().provider(provider)
                .apiKey(provider, runware ? RemoteEmulator.RUNWARE_KEY : RemoteEmulator.FAL_KEY)
                .baseUrl(provider, runware ? emulatorBase + "/v1" : emulatorBase)
                .defaultTimeout(Duration.ofMinutes(10));
        if (poll != null) b.pollInterval(poll, 1.0, poll);
        // B1's "status streams off" row: the harness passes the library's key as a system property of the worker
        String streams = System.getProperty(STATUS_STREAMS);
        if (streams != null) b.environment(java.util.Map.of(STATUS_STREAMS, streams));
        if (batched) b.batchSubmits(provider).batchPolling(provider);
        return b;
    }
}
