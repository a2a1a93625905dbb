package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job fal finished (and billed) is not given up because reading its result failed for longer than one call's
 * retry budget: the engine comes back to it at the next poll, as it does for a failing status call.
 */
class FalFinishedJobIsNotLostTest {
    private final EmulatorHarness h = EmulatorHarness.fal(Duration.ZERO, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aResultReadThatOutlastsItsRetriesIsReadAgainLater() {
        VideoClient client = h.build(h.client().retry(2, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        h.emulator().faults(FaultPlan.builder().next(Fault.HTTP_503, 3, "fal.result").build());

        VideoResult r = h.complete(client.generateAsync(EmulatorHarness.request(0), Duration.ofMinutes(5)));

        assertEquals(1, r.videos().size());
        assertEquals(4, h.emulator().stats().requests("fal.result"), "two calls of two attempts, the last one answered");
        assertEquals(1, h.emulator().stats().requests("fal.submit"));
        assertEquals(1, h.emulator().stats().billableJobs("fal"));
    }
}
