package dev.videogen4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The async methods never throw: every failure, validation included, arrives through the future. */
class AsyncFailureTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
    private final ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
    private final VideoClient client = TestClients.virtual(scheduler, acme).build();

    @Test
    void invalidRequestsFailTheFutureOfEveryAsyncMethod() {
        var bad = Requests.i2v().toBuilder().durationSeconds(7).build();
        assertFailsWith(InvalidRequestException.class, client.submitAsync(bad));
        assertFailsWith(InvalidRequestException.class, client.generateAsync(bad, Duration.ofMinutes(1)));
        assertFailsWith(InvalidRequestException.class, client.compareAsync(bad, List.of(), Duration.ofMinutes(1)));
        assertEquals(0, acme.calls().size(), "nothing reached the provider");
    }

    @Test
    void awaitingAJobOfAnUnconfiguredProviderFailsTheFuture() {
        assertFailsWith(ConfigurationException.class, client.awaitAsync(JobId.of("elsewhere", "m", "1"), Duration.ofMinutes(1)));
    }

    private static void assertFailsWith(Class<? extends Throwable> type, CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally(), "failed at once, through the future");
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        assertInstanceOf(type, e.getCause());
    }
}
