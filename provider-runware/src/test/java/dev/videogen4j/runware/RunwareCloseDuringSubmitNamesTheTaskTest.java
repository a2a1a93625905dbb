package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 1: close() while a Runware submit is in flight. Runware accepts the job (its answer is held back),
 * so it will be billed; the library chose the taskUUID itself, so the SubmissionUncertainException must name it.
 */
class RunwareCloseDuringSubmitNamesTheTaskTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void theUncertainSubmitNamesTheTaskUuidTheLibraryChose() throws Exception {
        ExecutorService calls = Executors.newSingleThreadExecutor();
        try (EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(5))) {
            h.emulator().faults(FaultPlan.builder().slowResponseDelay(Duration.ofSeconds(3))
                    .next(Fault.SLOW_RESPONSE, "runware.videoInference").build());
            VideoClient client = h.client().callExecutor(calls).build();
            CompletableFuture<VideoJob> submit = client.submitAsync(EmulatorHarness.request(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (h.emulator().stats().billableJobs("runware") == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();   // the vendor has the job once it counts it: then close
            }
            assertEquals(1, h.emulator().stats().billableJobs("runware"));

            client.close();

            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> submit.get(10, TimeUnit.SECONDS));
            SubmissionUncertainException uncertain = assertInstanceOf(SubmissionUncertainException.class, e.getCause());
            String task = uncertain.providerRequestId().orElseThrow(() -> new AssertionError("no taskUUID: " + uncertain));
            assertTrue(UUID.matcher(task).matches(), task);
            // The id reaches the job: a new client awaits it and gets the video, paid once.
            VideoClient again = h.build(h.client());
            var result = h.complete(again.awaitAsync(dev.videogen4j.JobId.of("runware", uncertain.model(), task), Duration.ofMinutes(5)));
            assertEquals(1, result.videos().size());
            assertEquals(1, h.emulator().stats().billableJobs("runware"));
        } finally {
            calls.shutdownNow();
        }
    }
}
