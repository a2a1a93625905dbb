package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A Runware submit whose answer was lost and whose resends were then refused ends in SubmissionUncertainException.
 * The job exists and is billed; the exception must carry its taskUUID (Runware's id for it) so the caller can
 * await it instead of paying for another.
 */
class RunwareUncertainSubmitCanBeRecoveredTest {

    @Test
    void theExceptionNamesTheTaskAndAwaitingItReturnsTheVideo() {
        try (EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(5))) {
            h.emulator().faults(FaultPlan.builder()
                    .next(Fault.RESET_AFTER_REQUEST, "runware.videoInference")   // processed: the job exists
                    .next(Fault.HTTP_503, 3, "runware.videoInference")
                    .build());
            VideoClient client = h.build(h.client());

            CompletableFuture<VideoJob> submit = client.submitAsync(EmulatorHarness.request(1));
            SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class, () -> h.complete(submit));
            assertEquals(1, h.emulator().stats().billableJobs("runware"));

            String task = e.providerRequestId().orElseThrow(() -> new AssertionError("no taskUUID in: " + e.getMessage()));
            VideoResult r = h.complete(client.awaitAsync(JobId.of("runware", e.model(), task), Duration.ofMinutes(5)));
            assertEquals(1, r.videos().size());
            assertEquals(1, h.emulator().stats().billableJobs("runware"), "recovered, not paid again");
        }
    }
}
