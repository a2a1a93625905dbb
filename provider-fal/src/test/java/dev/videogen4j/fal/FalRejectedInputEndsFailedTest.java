package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request fal's queue accepts but its model refuses (here the emulator's content-policy token, which no
 * pre-submit check can see) runs IN_QUEUE, then COMPLETED, and its 422 shows only on the result. The job must end
 * FAILED with fal's reason, and listeners must never be told it SUCCEEDED first (issue 13 item 1).
 */
class FalRejectedInputEndsFailedTest {
    private final EmulatorHarness h = EmulatorHarness.fal(Duration.ofSeconds(20), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aModelRefusalAfterCompletedIsAFailedJobAndNoListenerSawSuccess() {
        List<JobState> seen = new CopyOnWriteArrayList<>();
        VideoClient client = h.build(h.client().listener(new VideoJobListener() {
            @Override
            public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
                seen.add(to.state());
            }
        }));
        var request = EmulatorHarness.request(0).toBuilder()
                .prompt("A slow glide through a clocktower [emulator:content-policy]").build();

        JobFailedException e = assertThrows(JobFailedException.class,
                () -> h.complete(client.generateAsync(request, Duration.ofMinutes(5))));

        assertEquals(JobState.FAILED, e.status().state());
        assertEquals("content_policy_violation", e.status().code().orElseThrow());
        assertEquals("prompt: The content could not be processed because it contained material flagged by a content"
                + " checker.", e.status().reason().orElseThrow());
        assertEquals(JobState.FAILED, seen.get(seen.size() - 1));
        assertFalse(seen.contains(JobState.SUCCEEDED), "listeners saw " + seen);
        assertEquals(1, h.emulator().stats().requests("fal.submit"));
        assertEquals(1, h.emulator().stats().requests("fal.result"), "read once: a 422 is final");
    }
}
