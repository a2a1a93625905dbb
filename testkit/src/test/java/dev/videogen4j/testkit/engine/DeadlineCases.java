package dev.videogen4j.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * When an {@code await} deadline passes, a provider that can cancel has the job cancelled (queued, so never
 * billed) and says so; one that cannot leaves the paid job running, to be awaited again. With cancel-on-timeout
 * off nothing is sent either way. Every job here queues 60 s, so a 10 s deadline always passes before it starts.
 * Run for both kinds of provider by {@link DeadlineWithCancelTest} and {@link DeadlineWithoutCancelTest}.
 */
abstract class DeadlineCases extends EngineOnAFake {
    /** Whether the fake provider can cancel. */
    abstract boolean supportsCancel();
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private FlakyFake queuedMinute() {
        return fake(Duration.ofSeconds(60), Duration.ofSeconds(30), false, supportsCancel());
    }

    private JobTimeoutException timeout(VideoClient client, VideoJob job) {
        return assertThrows(JobTimeoutException.class, () -> complete(client.awaitAsync(job.jobId(), DEADLINE)));
    }

    private static String stillRunning(VideoJob job) {
        return "Job " + job.jobId() + " did not finish within PT10S; it is still running and can be awaited again";
    }

    @Test
    void aPassedDeadlineCancelsTheQueuedJobOrLeavesItResumable() {
        FlakyFake fake = queuedMinute();
        VideoClient client = build(client(fake));   // cancel on timeout is on by default
        VideoJob job = complete(client.submitAsync(request(0)));

        JobTimeoutException e = timeout(client, job);

        assertEquals(job.jobId(), e.jobId());
        assertEquals(DEADLINE, e.deadline());
        if (!supportsCancel()) {
            assertNull(e.cancelOutcome());
            assertEquals(stillRunning(job), e.getMessage());
            assertEquals(CancelOutcome.NOT_SUPPORTED, client.cancel(job.jobId()));
            VideoResult r = complete(client.awaitAsync(job.jobId(), Duration.ofMinutes(5)));
            assertEquals(job.jobId(), r.jobId());
            assertEquals(1, r.videos().size());
            assertEquals(1, fake.calls(Operation.SUBMIT));
            assertEquals(1, fake.billed());
            return;
        }
        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, e.cancelOutcome());
        assertEquals("Job " + job.jobId() + " did not finish within PT10S; cancel at fake"
                + ": CANCELLATION_REQUESTED", e.getMessage());
        assertEquals(1, fake.calls(Operation.CANCEL));
        scheduler.advanceBy(Duration.ofMinutes(5));   // past when it would have started and finished
        assertEquals(JobState.CANCELLED, complete(CompletableFuture.supplyAsync(() -> client.status(job.jobId()),
                Runnable::run)).state());
        assertEquals(1, fake.jobsCreated());
        assertEquals(0, fake.billed(),
                "cancelled while queued: never ran, never billed");
    }

    @Test
    void withCancelOnTimeoutOffTheDeadlineSendsNothingAndTheJobRunsOn() {
        FlakyFake fake = queuedMinute();
        VideoClient client = build(client(fake).cancelOnTimeout(false));
        VideoJob job = complete(client.submitAsync(request(0)));

        JobTimeoutException e = timeout(client, job);

        assertNull(e.cancelOutcome());
        assertEquals(stillRunning(job), e.getMessage());
        assertEquals(0, fake.calls(Operation.CANCEL));
        assertEquals(1, complete(client.awaitAsync(job.jobId(), Duration.ofMinutes(5))).videos().size());
        assertEquals(1, fake.billed());
        assertEquals(1, fake.calls(Operation.SUBMIT));
    }

    @Test
    void theEnvironmentKeyTurnsCancelOnTimeoutOffToo() {
        FlakyFake fake = queuedMinute();
        VideoClient client = build(client(fake).environment(Map.of("VIDEOGEN4J_CANCEL_ON_TIMEOUT", "false")));
        VideoJob job = complete(client.submitAsync(request(0)));

        assertNull(timeout(client, job).cancelOutcome());
        assertEquals(0, fake.calls(Operation.CANCEL));
    }

    @Test
    void cancelWorksOnAJobThisClientNeverSawAndOnAFinishedOneOrSaysItCannot() {
        FlakyFake fake = queuedMinute();
        VideoJob job = complete(build(client(fake)).submitAsync(request(0)));
        VideoClient other = build(client(fake));   // another process that only has the id

        assertEquals(supportsCancel() ? CancelOutcome.CANCELLATION_REQUESTED : CancelOutcome.NOT_SUPPORTED,
                other.cancel(job.jobId()));
        scheduler.advanceBy(Duration.ofMinutes(5));
        VideoJob done = complete(other.submitAsync(request(1)));
        complete(other.awaitAsync(done.jobId(), Duration.ofMinutes(5)));
        assertEquals(supportsCancel() ? CancelOutcome.ALREADY_COMPLETED : CancelOutcome.NOT_SUPPORTED,
                other.cancel(done.jobId()));
        assertEquals(supportsCancel() ? 1 : 2, fake.billed(),
                "a job cancelled while queued is never billed; one that cannot be cancelled is");
    }
}
