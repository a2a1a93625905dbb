package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.testkit.Fault;
import dev.videogen4j.testkit.FaultPlan;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (e), Runware: a job id stored as text before the process stops is awaited by a new client after the
 * restart — through faulty polls — and the job is never submitted again. Awaiting a finished job again polls it
 * once more and gives the same video.
 */
class RunwareJobSurvivesRestartTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(40));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aStoredJobIdResumesInANewClientWithoutResubmitting() {
        VideoClient before = h.build(h.client());
        String stored = h.complete(before.submitAsync(EmulatorHarness.request(0))).id().toString();
        CompletableFuture<VideoResult> cutShort = before.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5));
        before.close();
        VideoGenException closed = assertThrows(VideoGenException.class, () -> h.complete(cutShort));
        assertEquals("The VideoClient was closed while waiting for job " + stored + "; the job goes on at runware:"
                + " resume it with await(JobId.parse(\"" + stored + "\")) in an open client", closed.getMessage());
        h.scheduler().advance(Duration.ofSeconds(15));   // the process is down for a while; the job runs on
        assertEquals(0, h.emulator().stats().requests("runware.getResponse"), "a closed client polls no more");
        h.emulator().faults(FaultPlan.builder().next(Fault.HTTP_503, "runware.getResponse")
                .next(Fault.RESET_AFTER_REQUEST, "runware.getResponse").next(Fault.TRUNCATED_JSON, "runware.getResponse").build());

        VideoClient after = h.build(h.client());
        VideoResult r = h.complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));

        assertEquals(stored, r.jobId().toString());
        assertEquals(1, r.videos().size());
        assertEquals(3, h.emulator().stats().faultsInjected());
        assertEquals(1, h.emulator().stats().requests("runware.videoInference"), "resuming never resubmits");
        assertEquals(1, h.emulator().stats().billableJobs("runware"));

        long polls = h.emulator().stats().requests("runware.getResponse");
        VideoResult again = h.complete(after.awaitAsync(JobId.parse(stored), Duration.ofMinutes(5)));
        assertEquals(r.video().url(), again.video().url());
        assertEquals(polls, h.emulator().stats().requests("runware.getResponse"),
                "a job this client saw finish is answered from memory, without another poll");
        assertEquals(1, h.emulator().stats().requests("runware.videoInference"));
    }
}
