package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.json;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.take;
import static dev.videogen4j.runware.Fixtures.tasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.BatchSubmitter.Outcome;
import dev.videogen4j.spi.BatchSubmitter.Submission;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several videoInference tasks in one array, each answered (or refused) on its own, matched by taskUUID. */
class RunwareBatchSubmitTest {
    private static final String T1 = "11111111-cb81-4db5-8506-b72a9425f9d1";
    private static final String T2 = "22222222-cb81-4db5-8506-b72a9425f9d1";
    private static final String T3 = "33333333-cb81-4db5-8506-b72a9425f9d1";

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
    void sendsEveryTaskInOneRequestAndReadsEachAnswerByTaskUUID() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + T2 + "\"},"
                + "{\"taskType\":\"videoInference\",\"taskUUID\":\"" + T1 + "\"}]}"));

        Map<String, Outcome> outcomes = ((BatchSubmitter) provider).submitAll(List.of(submission(T1), submission(T2)));

        List<Map<String, Object>> sent = tasks(take(server));
        assertEquals(List.of(T1, T2), sent.stream().map(t -> t.get("taskUUID")).collect(Collectors.toList()));
        assertEquals(List.of("videoInference", "videoInference"), sent.stream().map(t -> t.get("taskType")).collect(Collectors.toList()));
        assertEquals(1, server.getRequestCount(), "one HTTP call for both jobs");
        assertEquals(JobId.of("runware", "klingai:6@0", T1), outcomes.get(T1).receipt().jobId());
        assertEquals(JobId.of("runware", "klingai:6@0", T2), outcomes.get(T2).receipt().jobId());
    }

    @Test
    void anErrorNamingOneTaskRefusesThatTaskOnly() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + T1 + "\"}],"
                + "\"errors\":[{\"code\":\"unsupportedDuration\",\"message\":\"Invalid value for duration parameter.\","
                + "\"parameter\":\"duration\",\"taskUUID\":\"" + T2 + "\"}]}"));

        Map<String, Outcome> outcomes = provider.submitAll(List.of(submission(T1), submission(T2), submission(T3)));

        assertEquals(JobId.of("runware", "klingai:6@0", T1), outcomes.get(T1).receipt().jobId());
        InvalidRequestException refused = assertInstanceOf(InvalidRequestException.class, outcomes.get(T2).failure());
        assertEquals("duration", refused.violations().get(0).field());
        assertFalse(outcomes.containsKey(T3), "a task the answer does not mention may have landed: no outcome");
    }

    @Test
    void aConflictingTaskUUIDMeansAnEarlierAttemptLanded() {
        server.enqueue(json(400, "{\"errors\":[{\"code\":\"conflictTaskUUID\",\"message\":\"taskUUID already used\","
                + "\"taskUUID\":\"" + T1 + "\"}]}"));
        Map<String, Outcome> outcomes = provider.submitAll(List.of(submission(T1)));
        assertEquals(JobId.of("runware", "klingai:6@0", T1), outcomes.get(T1).receipt().jobId());
    }

    @Test
    void aConflictNamingNoTaskIsTheResentTasksOwnAsInRunwaresLegacySdk() {
        server.enqueue(json(400, "{\"errors\":[{\"code\":\"conflictTaskUUID\",\"message\":\"taskUUID already used\"}]}"));
        Map<String, Outcome> one = provider.submitAll(List.of(submission(T1)));
        assertEquals(JobId.of("runware", "klingai:6@0", T1), one.get(T1).receipt().jobId());

        server.enqueue(json(200, "{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + T1 + "\"}],"
                + "\"errors\":[{\"code\":\"conflictTaskUUID\",\"message\":\"taskUUID already used\"}]}"));
        Map<String, Outcome> two = provider.submitAll(List.of(submission(T1), submission(T2)));
        assertEquals(JobId.of("runware", "klingai:6@0", T2), two.get(T2).receipt().jobId(), "the only task left unanswered");
        assertTrue(two.get(T1).receipt() != null);

        server.enqueue(json(400, "{\"errors\":[{\"code\":\"conflictTaskUUID\",\"message\":\"taskUUID already used\"}]}"));
        assertThrows(InvalidRequestException.class, () -> provider.submitAll(List.of(submission(T1), submission(T2))),
                "one anonymous conflict for two tasks names neither");
    }

    @Test
    void aTaskThatCannotBeMappedIsRefusedWithoutBeingSent() {
        server.enqueue(ok(ack(T1)));
        Submission unmappable = new Submission(request().toBuilder().providerOption("taskType", "imageInference").build(),
                context(provider, "klingai:6@0", T2));

        Map<String, Outcome> outcomes = provider.submitAll(List.of(submission(T1), unmappable));

        assertEquals(List.of(T1), tasks(take(server)).stream().map(t -> t.get("taskUUID")).collect(Collectors.toList()));
        assertInstanceOf(InvalidRequestException.class, outcomes.get(T2).failure());
        assertTrue(outcomes.get(T1).receipt() != null);
    }

    @Test
    void aFailedCallFailsTheWholeBatchLikeASingleSubmit() {
        server.enqueue(json(401, "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"Invalid API key\","
                + "\"parameter\":\"apiKey\",\"taskType\":\"authentication\"}]}"));
        assertThrows(AuthenticationException.class, () -> provider.submitAll(List.of(submission(T1), submission(T2))));
        server.enqueue(json(503, "{\"errors\":[{\"code\":\"serviceUnavailable\",\"message\":\"try again\"}]}"));
        assertThrows(ProviderUnavailableException.class, () -> provider.submitAll(List.of(submission(T1), submission(T2))));
    }

    private Submission submission(String taskUUID) {
        return new Submission(request(), context(provider, "klingai:6@0", taskUUID));
    }

    private static ImageToVideoRequest request() {
        return ImageToVideoRequest.builder().model("klingai:6@0").prompt("A slow glide through a clocktower")
                .image(ImageInput.url("https://example.com/first.jpg")).durationSeconds(5).build();
    }
}
