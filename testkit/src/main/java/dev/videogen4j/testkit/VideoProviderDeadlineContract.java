package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.JobState;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The provider contract's deadline part: when an {@code await} deadline passes, a provider that can cancel has the
 * job cancelled (queued, so never billed) and says so; one that cannot ({@link #supportsCancel()} false) leaves
 * the paid job running, to be awaited again. With cancel-on-timeout off nothing is sent either way. Every job here
 * queues 60 s, so a 10 s deadline always passes before it starts. Part of {@link VideoProviderContractTest}, which
 * adapters extend.
 *
 * <pre>{@code
 * class RunwareContractTest extends VideoProviderContractTest {   // runs these tests too
 *     protected boolean supportsCancel() { return false; }     // Runware has no cancel: expect a resumable job
 *     // ...
 * }
 * }</pre>
 */
public abstract class VideoProviderDeadlineContract extends VideoProviderContractBase {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private EmulatorHarness queuedMinute() {
        return harness(Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    private JobTimeoutException timeout(EmulatorHarness h, VideoClient client, VideoJob job) {
        return assertThrows(JobTimeoutException.class, () -> h.complete(client.awaitAsync(job.id(), DEADLINE)));
    }

    private static String stillRunning(VideoJob job) {
        return "Job " + job.id() + " did not finish within PT10S; it is still running and can be awaited again";
    }

    @Test
    void aPassedDeadlineCancelsTheQueuedJobOrLeavesItResumable() {
        EmulatorHarness h = queuedMinute();
        VideoClient client = h.build(h.client());   // cancel on timeout is on by default
        VideoJob job = h.complete(client.submitAsync(request(0)));

        JobTimeoutException e = timeout(h, client, job);

        assertEquals(job.id(), e.jobId());
        assertEquals(DEADLINE, e.deadline());
        if (!supportsCancel()) {
            assertNull(e.cancelOutcome());
            assertEquals(stillRunning(job), e.getMessage());
            assertEquals(CancelOutcome.NOT_SUPPORTED, client.cancel(job.id()));
            VideoResult r = h.complete(client.awaitAsync(job.id(), Duration.ofMinutes(5)));
            assertEquals(job.id(), r.jobId());
            assertEquals(1, r.videos().size());
            assertEquals(1, h.emulator().stats().requests(submitKind()));
            assertEquals(1, h.emulator().stats().billableJobs(providerId()));
            return;
        }
        // A queued job is removed (CANCELLED, fal's "OK") or the cancel is accepted as a request.
        assertTrue(e.cancelOutcome() == CancelOutcome.CANCELLED
                || e.cancelOutcome() == CancelOutcome.CANCELLATION_REQUESTED, String.valueOf(e.cancelOutcome()));
        assertEquals("Job " + job.id() + " did not finish within PT10S; cancel at " + providerId()
                + ": " + e.cancelOutcome(), e.getMessage());
        assertEquals(1, h.emulator().stats().requests(cancelKind()));
        h.scheduler().advanceBy(Duration.ofMinutes(5));   // past when it would have started and finished
        assertEquals(JobState.CANCELLED, h.complete(CompletableFuture.supplyAsync(() -> client.status(job.id()),
                Runnable::run)).state());
        assertEquals(1, h.emulator().stats().jobsSubmitted(providerId()));
        assertEquals(0, h.emulator().stats().billableJobs(providerId()),
                "cancelled while queued: never ran, never billed");
    }

    @Test
    void withCancelOnTimeoutOffTheDeadlineSendsNothingAndTheJobRunsOn() {
        EmulatorHarness h = queuedMinute();
        VideoClient client = h.build(h.client().cancelOnTimeout(false));
        VideoJob job = h.complete(client.submitAsync(request(0)));

        JobTimeoutException e = timeout(h, client, job);

        assertNull(e.cancelOutcome());
        assertEquals(stillRunning(job), e.getMessage());
        assertEquals(0, h.emulator().stats().requests(cancelKind()));
        assertEquals(1, h.complete(client.awaitAsync(job.id(), Duration.ofMinutes(5))).videos().size());
        assertEquals(1, h.emulator().stats().billableJobs(providerId()));
        assertEquals(1, h.emulator().stats().requests(submitKind()));
    }

    @Test
    void theEnvironmentKeyTurnsCancelOnTimeoutOffToo() {
        EmulatorHarness h = queuedMinute();
        VideoClient client = h.build(h.client().environment(Map.of("VIDEOGEN4J_CANCEL_ON_TIMEOUT", "false")));
        VideoJob job = h.complete(client.submitAsync(request(0)));

        assertNull(timeout(h, client, job).cancelOutcome());
        assertEquals(0, h.emulator().stats().requests(cancelKind()));
    }

    @Test
    void cancelWorksOnAJobThisClientNeverSawAndOnAFinishedOneOrSaysItCannot() {
        EmulatorHarness h = queuedMinute();
        VideoJob job = h.complete(h.build(h.client()).submitAsync(request(0)));
        VideoClient other = h.build(h.client());   // another process that only has the id

        CancelOutcome first = other.cancel(job.id());
        assertTrue(supportsCancel() ? first == CancelOutcome.CANCELLED || first == CancelOutcome.CANCELLATION_REQUESTED
                : first == CancelOutcome.NOT_SUPPORTED, String.valueOf(first));
        h.scheduler().advanceBy(Duration.ofMinutes(5));
        VideoJob done = h.complete(other.submitAsync(request(1)));
        h.complete(other.awaitAsync(done.id(), Duration.ofMinutes(5)));
        assertEquals(supportsCancel() ? CancelOutcome.ALREADY_COMPLETED : CancelOutcome.NOT_SUPPORTED,
                other.cancel(done.id()));
        assertEquals(supportsCancel() ? 1 : 2, h.emulator().stats().billableJobs(providerId()),
                "a job cancelled while queued is never billed; one that cannot be cancelled is");
    }
}
