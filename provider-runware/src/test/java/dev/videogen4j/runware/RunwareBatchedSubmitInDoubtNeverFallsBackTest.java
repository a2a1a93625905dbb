package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.testkit.EmulatorHarness;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.testkit.FakeVideoProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A submit that may have landed at Runware must never fall back to another provider, whatever the later attempts
 * meet: the first attempt's answer is lost (Runware created and bills the job), the resends under the same
 * taskUUID then meet 503s until the retries run out. A fallback there would pay a second provider for the same
 * request. Batched submits must keep that promise exactly like single ones.
 */
class RunwareBatchedSubmitInDoubtNeverFallsBackTest {
    private final EmulatorHarness h = EmulatorHarness.runware(Duration.ZERO, Duration.ofSeconds(5));
    private final FakeVideoProvider fallback = new FakeVideoProvider();

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aBatchedSubmitWhoseFirstAnswerWasLostEndsUncertainInsteadOfPayingTheNextProvider() {
        assertEndsUncertainWithoutFallback(h.client().batchSubmits("runware"));
    }

    @Test
    void aSingleSubmitWhoseFirstAnswerWasLostEndsUncertainInsteadOfPayingTheNextProvider() {
        assertEndsUncertainWithoutFallback(h.client());
    }

    @Test
    void aSubmissionTheBatchAnswerDoesNotMentionEndsUncertainWhenItsResendsAreRefused() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(Fixtures.ok("{\"data\":[]}"));                       // says nothing about our task
            for (int i = 0; i < 4; i++) {
                server.enqueue(Fixtures.json(503, "{\"errors\":[{\"code\":\"serviceUnavailable\",\"message\":\"busy\"}]}"));
            }
            VideoClient client = h.build(h.client().baseUrl("runware", server.url("/v1").toString())
                    .batchSubmits("runware").providerFactory(fallback.factory()).routing("fallback:runware,fake"));

            CompletableFuture<VideoJob> submit = client.submitAsync(EmulatorHarness.request(1));

            SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class, () -> h.complete(submit));
            assertEquals("runware", e.providerId());
            assertEquals(5, server.getRequestCount(), "the batch, then the task alone with its own four attempts");
            assertEquals(0, fallback.submissions().size(), "nothing may be sent to a second provider");
        }
    }

    private void assertEndsUncertainWithoutFallback(VideoClientBuilder builder) {
        h.emulator().faults(FaultPlan.builder()
                .next(Fault.MALFORMED_JSON, "runware.videoInference")     // processed: the job exists and is billed
                .next(Fault.HTTP_503, 3, "runware.videoInference")        // every resend refused before processing
                .build());
        VideoClient client = h.build(builder.providerFactory(fallback.factory()).routing("fallback:runware,fake"));

        CompletableFuture<VideoJob> submit = client.submitAsync(EmulatorHarness.request(1));

        SubmissionUncertainException e = assertThrows(SubmissionUncertainException.class, () -> h.complete(submit));
        assertEquals("runware", e.providerId());
        assertEquals(4, h.emulator().stats().requests("runware.videoInference"), "the first attempt and three resends");
        assertEquals(1, h.emulator().stats().billableJobs("runware"), "the first attempt landed");
        assertEquals(0, fallback.submissions().size(), "nothing may be sent to a second provider");
        assertInstanceOf(dev.videogen4j.error.ProviderException.class, e.getCause());
    }
}
