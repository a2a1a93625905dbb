package dev.videogen4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An outage opens the circuit breaker, which then fails calls fast without traffic, and recovers. */
class CircuitBreakerTest extends EngineOnAFake {

    @Test
    void anOutageOpensTheBreakerCallsFailFastWithoutTrafficAndItRecovers() {
        FlakyFake fake = fake(Duration.ZERO, Duration.ofSeconds(20), false, true);
        // the defaults: 4 attempts per call; opens at 50 % of the last 20 calls (after 10), open for 30 s
        VideoClient client = build(client(fake));
        VideoJob inFlight = complete(client.submitAsync(request(0)));
        CompletableFuture<VideoResult> paidFor = client.awaitAsync(inFlight.jobId(), Duration.ofMinutes(10));

        fake.down(Duration.ofSeconds(90));
        ProviderUnavailableException last = null;
        for (int i = 1; i <= 3 && circuit.isEmpty(); i++) {
            last = assertThrows(ProviderUnavailableException.class, () -> complete(client.submitAsync(request(1))));
        }
        assertEquals(List.of("CLOSED->OPEN"), circuit);
        assertTrue(last.circuitOpen(), "the attempt that met the open breaker was refused: " + last.getMessage());
        assertEquals(1, fake.jobsCreated(), "nothing was accepted during the outage");

        long before = fake.calls(Operation.SUBMIT);
        long pollsBefore = fake.calls(Operation.POLL);
        ProviderUnavailableException fast = assertThrows(ProviderUnavailableException.class,
                () -> complete(client.submitAsync(request(2))));
        assertTrue(fast.circuitOpen());
        assertEquals(SubmitOutcome.REJECTED, fast.submitOutcome(), "nothing was sent, so nothing can be billed");
        assertEquals("fake", fast.providerId());
        assertEquals("circuit breaker for fake is open after repeated failures; submit not sent"
                + " (it retries after 30 s)", fast.getMessage());
        // The in-flight job's polls have a breaker of their own: failing submits never stop them (issue 12, 8).
        scheduler.advanceBy(Duration.ofSeconds(20));
        assertEquals(before, fake.calls(Operation.SUBMIT), "an open breaker sends no submit");
        assertTrue(fake.calls(Operation.POLL) > pollsBefore, "the paid job is still polled");
        assertFalse(paidFor.isDone());

        scheduler.advanceBy(Duration.ofSeconds(90));   // the provider is back and the open period over
        VideoResult after = complete(client.generateAsync(request(3), Duration.ofMinutes(10)));
        assertEquals(1, after.videos().size());
        // The half-open breaker lets 3 trial submits through and closes when they succeed (polls no longer count).
        complete(client.submitAsync(request(4)));
        complete(client.submitAsync(request(5)));
        assertEquals("HALF_OPEN->CLOSED", circuit.get(circuit.size() - 1), "transitions: " + circuit);
        assertTrue(circuit.contains("OPEN->HALF_OPEN"), "transitions: " + circuit);
        assertEquals(1, complete(paidFor).videos().size(), "the job paid for before the outage is not lost");
        assertEquals(4, fake.billed());
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheProviderAskedFor() {
        FlakyFake fake = fake(Duration.ofSeconds(4), Duration.ofSeconds(6), false, true);
        fake.retryAfter(Duration.ofSeconds(3));
        fake.next(FlakyFake.Trouble.HTTP_429, Operation.SUBMIT);
        VideoResult r = complete(build(client(fake)).generateAsync(request(0), Duration.ofMinutes(20)));
        assertEquals(1, r.videos().size());
        assertEquals("submit PT3S", retries.get(0), "waited what Retry-After asked");
        assertEquals(2, fake.calls(Operation.SUBMIT));
        assertEquals(1, fake.billed());
    }
}
