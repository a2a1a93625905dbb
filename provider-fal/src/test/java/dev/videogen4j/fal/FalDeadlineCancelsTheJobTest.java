package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (d), fal: when an {@code await} deadline passes, the job is cancelled at fal (so a queued job is never
 * billed) and the caller gets {@link JobTimeoutException} saying so; with cancel-on-timeout off nothing is sent and
 * the job runs on.
 */
class FalDeadlineCancelsTheJobTest {
    private final EmulatorHarness h = EmulatorHarness.fal(Duration.ofSeconds(60), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aPassedDeadlineCancelsTheQueuedJobAtFalWhichThenNeverBills() {
        VideoClient client = h.build(h.client());
        VideoJob job = h.complete(client.submitAsync(EmulatorHarness.request(0)));

        JobTimeoutException e = assertThrows(JobTimeoutException.class,
                () -> h.complete(client.awaitAsync(job.id(), Duration.ofSeconds(10))));

        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, e.cancelOutcome());
        assertEquals(job.id(), e.jobId());
        assertEquals(Duration.ofSeconds(10), e.deadline());
        assertEquals("Job " + job.id() + " did not finish within PT10S; cancel at fal: CANCELLATION_REQUESTED",
                e.getMessage());
        assertEquals(1, h.emulator().stats().requests("fal.cancel"));
        h.scheduler().advance(Duration.ofMinutes(5));   // past when it would have started and finished
        assertEquals(JobState.CANCELLED, h.complete(CompletableFuture.supplyAsync(() -> client.status(job.id()),
                Runnable::run)).state());
        assertEquals(1, h.emulator().stats().jobsSubmitted("fal"));
        assertEquals(0, h.emulator().stats().billableJobs("fal"), "cancelled while queued: never ran, never billed");
    }

    @Test
    void withCancelOnTimeoutOffTheDeadlineSendsNothingAndTheJobRunsOn() {
        VideoClient client = h.build(h.client().cancelOnTimeout(false));
        VideoJob job = h.complete(client.submitAsync(EmulatorHarness.request(0)));

        JobTimeoutException e = assertThrows(JobTimeoutException.class,
                () -> h.complete(client.awaitAsync(job.id(), Duration.ofSeconds(10))));

        assertNull(e.cancelOutcome());
        assertEquals("Job " + job.id() + " did not finish within PT10S; it is still running and can be awaited again",
                e.getMessage());
        assertEquals(0, h.emulator().stats().requests("fal.cancel"));
        assertEquals(1, h.complete(client.awaitAsync(job.id(), Duration.ofMinutes(5))).videos().size());
        assertEquals(1, h.emulator().stats().billableJobs("fal"));
        assertEquals(1, h.emulator().stats().requests("fal.submit"));
    }

    @Test
    void theEnvironmentKeyTurnsCancelOnTimeoutOffToo() {
        VideoClient client = h.build(h.client().environment(Map.of("VIDEOGEN4J_CANCEL_ON_TIMEOUT", "false")));
        VideoJob job = h.complete(client.submitAsync(EmulatorHarness.request(0)));

        assertNull(assertThrows(JobTimeoutException.class,
                () -> h.complete(client.awaitAsync(job.id(), Duration.ofSeconds(10)))).cancelOutcome());
        assertEquals(0, h.emulator().stats().requests("fal.cancel"));
    }

    @Test
    void cancelWorksOnAJobThisClientNeverSawAndOnAFinishedOne() {
        VideoJob job = h.complete(h.build(h.client()).submitAsync(EmulatorHarness.request(0)));
        VideoClient other = h.build(h.client());   // another process that only has the id

        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, other.cancel(job.id()));
        h.scheduler().advance(Duration.ofMinutes(5));
        VideoJob done = h.complete(other.submitAsync(EmulatorHarness.request(1)));
        h.complete(other.awaitAsync(done.id(), Duration.ofMinutes(5)));
        assertEquals(CancelOutcome.ALREADY_COMPLETED, other.cancel(done.id()));
        assertEquals(1, h.emulator().stats().billableJobs("fal"));
    }
}
