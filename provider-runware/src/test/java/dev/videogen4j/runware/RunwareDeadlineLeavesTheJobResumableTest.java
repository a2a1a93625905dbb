package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (d), Runware: Runware cannot stop a job, so a passed {@code await} deadline sends no cancel; the caller
 * gets {@link JobTimeoutException} without a cancel outcome, and the job — already paid for — can be awaited again.
 */
class RunwareDeadlineLeavesTheJobResumableTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(60));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPassedDeadlineReportsATimeoutAndTheJobCanBeAwaitedAgain() {
        VideoClient client = h.build(h.client());   // cancel on timeout is on by default; Runware has none
        VideoJob job = h.complete(client.submitAsync(EmulatorHarness.request(0)));

        JobTimeoutException e = assertThrows(JobTimeoutException.class,
                () -> h.complete(client.awaitAsync(job.id(), Duration.ofSeconds(10))));

        assertNull(e.cancelOutcome());
        assertEquals("Job " + job.id() + " did not finish within PT10S; it is still running and can be awaited again",
                e.getMessage());
        assertEquals(CancelOutcome.NOT_SUPPORTED, client.cancel(job.id()));
        VideoResult r = h.complete(client.awaitAsync(job.id(), Duration.ofMinutes(5)));
        assertEquals(job.id(), r.jobId());
        assertEquals(1, r.videos().size());
        assertEquals(1, h.emulator().stats().requests("runware.videoInference"));
        assertEquals(1, h.emulator().stats().billableJobs("runware"));
    }
}
