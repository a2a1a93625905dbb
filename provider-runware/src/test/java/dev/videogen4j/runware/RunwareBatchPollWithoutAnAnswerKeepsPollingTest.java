package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testkit.EmulatorHarness;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * A batched poll whose answer says nothing about one of the jobs is no news about that job, as a single poll's
 * empty answer is: the job goes on running (and being billed) at Runware, so it must be polled again, not failed.
 */
class RunwareBatchPollWithoutAnAnswerKeepsPollingTest {
    private static final String TASK = "24cd5dff-cb81-4db5-8506-b72a9425f9d1";
    private static final String VIDEO = "b7db282d-2943-4f12-992f-77df3ad3ec71";

    @Test
    void aJobTheBatchAnswerLeavesOutIsPolledAgainAndSucceeds() throws Exception {
        try (EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(5));
             MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Fixtures.ok("{\"data\":[]}"));
            server.enqueue(Fixtures.ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK
                    + "\",\"status\":\"success\",\"videoUUID\":\"" + VIDEO + "\",\"videoURL\":\"https://vm.runware.ai/video/"
                    + VIDEO + ".mp4\",\"cost\":0.21}]}"));
            VideoClient client = h.build(h.client().baseUrl("runware", server.url("/v1").toString())
                    .batchPolling("runware"));

            CompletableFuture<VideoResult> result = client.awaitAsync(JobId.of("runware", "klingai:6@0", TASK),
                    Duration.ofMinutes(5));

            VideoResult r = h.complete(result);
            assertEquals(VIDEO, r.video().id());
            assertEquals(2, server.getRequestCount(), "polled again after the answer without the job");
        }
    }
}
