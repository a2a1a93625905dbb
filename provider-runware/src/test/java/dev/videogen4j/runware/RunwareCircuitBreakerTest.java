package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (b), Runware: while the provider is down the breaker opens and calls fail at once without any HTTP
 * traffic; when it is back the breaker half-opens, trial calls succeed, it closes, and a job that was in flight
 * all along completes.
 */
class RunwareCircuitBreakerTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(20));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void anOutageOpensTheBreakerCallsFailFastWithoutTrafficAndItRecovers() {
        // the defaults: 4 attempts per call; opens at 50 % of the last 20 calls (after 10), open for 30 s
        VideoClient client = h.build(h.client());
        VideoJob inFlight = h.complete(client.submitAsync(EmulatorHarness.request(0)));
        CompletableFuture<VideoResult> paidFor = client.awaitAsync(inFlight.id(), Duration.ofMinutes(10));

        h.emulator().providerDown("runware", Duration.ofSeconds(90));
        ProviderUnavailableException last = null;
        for (int i = 1; i <= 3 && h.circuit().isEmpty(); i++) {
            last = assertThrows(ProviderUnavailableException.class,
                    () -> h.complete(client.submitAsync(EmulatorHarness.request(1))));
        }
        assertEquals(List.of("CLOSED->OPEN"), h.circuit());
        assertTrue(last.circuitOpen(), "the attempt that met the open breaker was refused: " + last.getMessage());
        assertEquals(1, h.emulator().stats().jobsSubmitted("runware"), "nothing was accepted during the outage");

        long before = h.emulator().stats().httpRequests("runware");
        ProviderUnavailableException fast = assertThrows(ProviderUnavailableException.class,
                () -> h.complete(client.submitAsync(EmulatorHarness.request(2))));
        assertTrue(fast.circuitOpen());
        assertEquals(SubmitOutcome.REJECTED, fast.submitOutcome(), "nothing was sent, so nothing can be billed");
        assertEquals("runware", fast.providerId());
        assertEquals("circuit breaker for runware is open after repeated failures; submit not sent"
                + " (it retries after 30 s)", fast.getMessage());
        h.scheduler().advance(Duration.ofSeconds(20));   // the in-flight job's polls are refused as well
        assertEquals(before, h.emulator().stats().httpRequests("runware"), "an open breaker sends nothing");
        assertFalse(paidFor.isDone());

        h.scheduler().advance(Duration.ofSeconds(90));   // the provider is back and the open period over
        VideoResult after = h.complete(client.generateAsync(EmulatorHarness.request(3), Duration.ofMinutes(10)));
        assertEquals(1, after.videos().size());
        assertEquals("HALF_OPEN->CLOSED", h.circuit().get(h.circuit().size() - 1), "transitions: " + h.circuit());
        assertTrue(h.circuit().contains("OPEN->HALF_OPEN"), "transitions: " + h.circuit());
        assertEquals(1, h.complete(paidFor).videos().size(), "the job paid for before the outage is not lost");
        assertEquals(2, h.emulator().stats().billableJobs("runware"));
    }
}
