package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.json;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.onlyTask;
import static dev.videogen4j.runware.Fixtures.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resent submit can never create a second job: same taskUUID every time, and conflictTaskUUID means accepted. */
class RunwareIdempotencyTest {
    private static final String CONFLICT = "{\"errors\":[{\"code\":\"conflictTaskUUID\",\"message\":\"Task UUID already used.\","
            + "\"parameter\":\"taskUUID\",\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\"}]}";

    private final MockWebServer server = new MockWebServer();
    private RunwareProvider provider;

    @BeforeEach
    void start() throws Exception {
        server.start();
        provider = Fixtures.provider(server);
    }

    @AfterEach
    void stop() {
        provider.close();
        server.close();
    }

    @Test
    void aRetriedSubmitReusesTheTaskUUIDAndAConflictIsTheSameAcceptedJob() {
        SubmitContext ctx = context(provider, "klingai:6@0", TASK);
        // First attempt: the connection drops after Runware read the request, so the outcome is unknown.
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(json(400, CONFLICT));

        ProviderUnavailableException lost = assertThrows(ProviderUnavailableException.class, () -> provider.submit(request(), ctx));
        assertEquals(SubmitOutcome.UNKNOWN, lost.submitOutcome());
        SubmitReceipt receipt = provider.submit(request(), ctx);

        String first = (String) onlyTask(take(server)).get("taskUUID");
        String second = (String) onlyTask(take(server)).get("taskUUID");
        assertEquals(TASK, first);
        assertEquals(first, second, "the same taskUUID on every attempt");
        assertEquals(JobId.of("runware", "klingai:6@0", TASK), receipt.jobId());
    }

    @Test
    void conflictInsideA200IsAcceptedToo() {
        server.enqueue(ok(CONFLICT));
        assertEquals(TASK, provider.submit(request(), context(provider, "klingai:6@0", TASK)).jobId().nativeJobId());
    }

    @Test
    void aConflictAboutAnotherTaskIsNotAnAcceptance() {
        server.enqueue(json(400, CONFLICT.replace(TASK, "99999999-cb81-4db5-8506-b72a9425f9d1")));
        assertThrows(dev.videogen4j.error.InvalidRequestException.class,
                () -> provider.submit(request(), context(provider, "klingai:6@0", TASK)));
    }

    @Test
    void theAcceptedJobCanBePolledAfterTheConflict() {
        server.enqueue(json(400, CONFLICT));
        server.enqueue(ok("{\"data\":[" + RunwarePollTest.success(TASK, "b7db282d-2943-4f12-992f-77df3ad3ec71", "0.21") + "]}"));
        SubmitReceipt r = provider.submit(request(), context(provider, "klingai:6@0", TASK));
        assertEquals(JobState.SUCCEEDED, provider.poll(r.jobId()).status().state());
    }

    @Test
    void anAcknowledgementThatDoesNotNameTheTaskIsUnparseableAndMayHaveLanded() {
        server.enqueue(ok(ack("99999999-cb81-4db5-8506-b72a9425f9d1")));
        UnparseableResponseException e = assertThrows(UnparseableResponseException.class,
                () -> provider.submit(request(), context(provider, "klingai:6@0", TASK)));
        assertEquals(SubmitOutcome.UNKNOWN, e.submitOutcome());
        assertEquals(TASK, e.providerRequestId().orElseThrow());
    }

    private static ImageToVideoRequest request() {
        return ImageToVideoRequest.builder().model("klingai:6@0").prompt("Slow glide")
                .image(ImageInput.url("https://example.com/first.jpg")).build();
    }
}
