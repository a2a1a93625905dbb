package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batch polls and batch submits are allowed by Runware's contract but verified against no live API and sent by no
 * official SDK, so a default client sends one task per request (issue 13 item 7).
 */
class RunwareBatchingIsOffByDefaultTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDefaultClientSendsOneTaskPerRequest() {
        VideoClient client = h.build(h.client());
        List<CompletableFuture<VideoResult>> jobs = IntStream.range(0, 5)
                .mapToObj(i -> client.generateAsync(EmulatorHarness.request(i), Duration.ofMinutes(5)))
                .collect(Collectors.toList());
        h.completeAll(jobs);

        EmulatorStats s = h.emulator().stats();
        assertEquals(5, s.requests("runware.videoInference"));
        assertEquals(s.requests("runware.videoInference") + s.requests("runware.getResponse"), s.httpRequests("runware"),
                "every HTTP request carried exactly one task");
    }
}
