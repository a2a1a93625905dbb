package dev.videogen4j.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clients for the tests of the platform-thread budget that call threads share with stream readers: the client's own
 * call pool (real threads, so the budget is in play) on virtual time, 32 streams, first poll after 5 s.
 *
 * <pre>{@code
 * VideoClient c = BudgetedClients.streaming(clock, scheduler, 48, new Gated());
 * int done = BudgetedClients.awaitAll(c, scheduler, sent);
 * }</pre>
 */
final class BudgetedClients {
    private BudgetedClients() {
    }

    /** A client of {@code provider} (its id "acme") with at most {@code maxCalls} call threads. */
    static VideoClient streaming(MutableClock clock, VirtualScheduler scheduler, int maxCalls, VideoProvider provider) {
        Map<String, String> env = Map.of("VIDEOGEN4J_STATUS_STREAMS", "32", "VIDEOGEN4J_RETRY_JITTER", "0",
                "VIDEOGEN4J_POLL_INITIAL_DELAY", "5s", "VIDEOGEN4J_POLL_MAX_DELAY", "10s");
        return VideoClient.builder().environment(env).clock(clock).scheduler(scheduler).maxConcurrentCalls(maxCalls)
                .providerFactory(ScriptedProvider.handingOut("acme", config -> provider)).routing("single:acme")
                .build();
    }

    /** Awaits every job sent, stepping virtual time for the polled ones; how many completed. */
    static int awaitAll(VideoClient c, VirtualScheduler scheduler, List<CompletableFuture<VideoJob>> sent)
            throws Exception {
        List<CompletableFuture<VideoResult>> results = new ArrayList<>();
        for (CompletableFuture<VideoJob> j : sent) {
            results.add(c.awaitAsync(j.get(30, TimeUnit.SECONDS).jobId(), Duration.ofHours(1)));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
        for (int i = 0; i < 2_000 && !all.isDone(); i++) {
            try {
                all.get(20, TimeUnit.MILLISECONDS);   // lets the real call threads catch up with virtual time
            } catch (TimeoutException notYet) {
                scheduler.advanceBy(Duration.ofSeconds(1));
            }
        }
        all.get(1, TimeUnit.SECONDS);
        return (int) results.stream().filter(f -> !f.isCompletedExceptionally()).count();
    }

    /** Waits for {@code latch} on a provider's thread (the test's own waits are bounded too): at most 30 s. */
    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "latch not released in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
