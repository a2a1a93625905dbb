package dev.videogen4j.runware;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.runware.Fixtures.TASK;
import static dev.videogen4j.runware.Fixtures.ack;
import static dev.videogen4j.runware.Fixtures.context;
import static dev.videogen4j.runware.Fixtures.json;
import static dev.videogen4j.runware.Fixtures.object;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.onlyTask;
import static dev.videogen4j.runware.Fixtures.seed;
import static dev.videogen4j.runware.Fixtures.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ProviderOutput;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getResponse answers, in every documented shape, read into job updates. */
class RunwarePollTest {
    private static final JobId JOB = JobId.of("runware", "klingai:6@0", TASK);
    private static final String A = "b7db282d-2943-4f12-992f-77df3ad3ec71";
    private static final String B = "3d4d1a8e-4006-45b3-9aef-a4ff25151d9e";
    private static final String C = "ce353fca-37ac-45c8-b518-2e4749aa48da";

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
    void processingIsRunningWithProgressAndThePollNamesTheOriginalTask() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"processing\",\"progress\":42}]}"));

        JobUpdate u = provider.poll(JOB);

        assertEquals(JobStatus.running(42), u.status());
        assertEquals("processing", u.status().raw());
        assertNull(u.output());
        assertEquals(object("{\"taskType\":\"getResponse\",\"taskUUID\":\"" + TASK + "\"}"), onlyTask(take(server)));
    }

    @Test
    void processingWithoutProgressHasNone() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"processing\"}]}"));
        assertEquals(JobStatus.running(null), provider.poll(JOB).status());
    }

    @Test
    void successCarriesTheVideoAndTheReportedCost() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"success\","
                + "\"videoUUID\":\"" + A + "\",\"videoURL\":\"https://im.runware.ai/video/ws/0.5/vi/" + A + ".mp4\",\"cost\":0.18}]}"));

        JobUpdate u = provider.poll(JOB);

        assertEquals(JobState.SUCCEEDED, u.status().state());
        assertEquals("success", u.status().raw());
        assertEquals(List.of(new GeneratedVideo("https://im.runware.ai/video/ws/0.5/vi/" + A + ".mp4", A, "video/mp4", null, null)),
                u.output().videos());
        assertEquals(new BigDecimal("0.18"), u.output().reportedCost());
    }

    /** The model pages' response examples carry no status at all: a video means done. */
    @Test
    void seedResponseWithoutStatusIsASuccess() {
        String item = seed("seed000-example0.response.json");
        server.enqueue(ok("{\"data\":[" + item + "]}"));

        JobUpdate u = provider.poll(JobId.of("runware", "klingai:6@0", "b4d75568-c0b3-489f-aadc-bc9c5f4b52fb"));

        assertEquals(JobState.SUCCEEDED, u.status().state());
        GeneratedVideo v = u.output().videos().get(0);
        assertEquals("https://vm.runware.ai/video/os/a11d13/ws/5/vi/3d4d1a8e-4006-45b3-9aef-a4ff25151d9e.mp4", v.url());
        assertEquals("3d4d1a8e-4006-45b3-9aef-a4ff25151d9e", v.id());
        assertEquals(716944902L, v.seed());
        assertEquals(new BigDecimal("0.21"), u.output().reportedCost());
    }

    @Test
    void errorsArrayFailureIsAFailedStatusNotAnException() {
        server.enqueue(ok("{\"errors\":[{\"code\":\"timeoutProvider\",\"status\":\"error\",\"message\":\"The external provider did not respond within the timeout window. The request was automatically terminated.\","
                + "\"documentation\":\"https://runware.ai/docs/en/video-inference/api-reference\",\"taskUUID\":\"" + TASK + "\"}]}"));

        JobStatus s = provider.poll(JOB).status();

        assertEquals(JobState.FAILED, s.state());
        assertEquals("timeoutProvider", s.code().orElseThrow());
        assertTrue(s.reason().orElseThrow().startsWith("The external provider did not respond"));
        assertEquals("error", s.raw());
    }

    @Test
    void aFailedGenerationReportedWithAnErrorStatusIsFailedWhateverTheHttpStatus() {
        String body = "{\"errors\":[{\"code\":\"timeoutProvider\",\"status\":\"error\",\"message\":\"timed out\",\"taskUUID\":\"" + TASK + "\"}]}";
        server.enqueue(json(400, body));
        server.enqueue(json(500, body));
        server.enqueue(json(504, body.replace("\"status\":\"error\",", "")));
        assertEquals(JobState.FAILED, provider.poll(JOB).status().state());
        assertEquals(JobState.FAILED, provider.poll(JOB).status().state());
        assertEquals(JobState.FAILED, provider.poll(JOB).status().state(), "timeoutProvider is final even without a status");
    }

    @Test
    void failedItemInsideDataIsFailed() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"error\","
                + "\"error\":{\"code\":\"inferenceError\",\"message\":\"Generation failed\"}}]}"));

        assertEquals(JobStatus.failed(ErrorKind.UNAVAILABLE, "inferenceError", "Generation failed"), provider.poll(JOB).status());
    }

    @Test
    void refusedContentIsClassifiedOnTheFailedStatusSoNoOtherProviderIsPaidToRefuseIt() {
        for (String code : new String[] {"promptBlocked", "imageBlocked", "moderationFailed"}) {
            server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"error\","
                    + "\"error\":{\"code\":\"" + code + "\",\"message\":\"refused\"}}]}"));
            assertEquals(JobStatus.failed(ErrorKind.CONTENT_POLICY, code, "refused"), provider.poll(JOB).status(), code);
        }
    }

    @Test
    void severalResultsAreCollectedAcrossPollsDeduplicatedAndCompleteOnlyWhenAllAreIn() {
        String task = "5c5111b9-b7e8-49f8-99fe-af2b3b98db8c";
        JobId job = JobId.of("runware", "klingai:1@1", task);
        server.enqueue(ok(ack(task)));
        provider.submit(TextToVideoRequest.builder().model("klingai:1@1").prompt("A garden").numberResults(3).build(),
                context(provider, "klingai:1@1", task));
        take(server);

        server.enqueue(ok("{\"data\":[" + success(task, A, "0.14") + "," + processing(task, 50) + "," + processing(task, 10) + "]}"));
        assertEquals(JobStatus.running(53), provider.poll(job).status(), "(100 + 50 + 10) / 3");
        server.enqueue(ok("{\"data\":[" + success(task, B, "0.14") + "]}"));
        assertEquals(JobState.RUNNING, provider.poll(job).status().state(), "two of three in");
        server.enqueue(ok("{\"data\":[" + success(task, A, "0.14") + "," + success(task, B, "0.14") + "," + success(task, C, "0.14") + "]}"));

        JobUpdate done = provider.poll(job);

        assertEquals(JobState.SUCCEEDED, done.status().state());
        assertEquals(List.of(A, B, C), done.output().videos().stream().map(GeneratedVideo::id).collect(Collectors.toList()));
        assertEquals(new BigDecimal("0.42"), done.output().reportedCost());
    }

    /** After a restart the requested count is unknown: all items finished and none processing means done. */
    @Test
    void withoutMemoryOfTheCountEveryItemFinishedMeansDone() {
        server.enqueue(ok("{\"data\":[" + success(TASK, A, "0.21") + "," + processing(TASK, 80) + "]}"));
        server.enqueue(ok("{\"data\":[" + success(TASK, A, "0.21") + "," + success(TASK, B, "0.21") + "]}"));

        assertEquals(JobStatus.running(80), provider.poll(JOB).status());
        JobUpdate done = provider.poll(JOB);
        assertEquals(JobState.SUCCEEDED, done.status().state());
        assertEquals(2, done.output().videos().size());
        assertEquals(new BigDecimal("0.42"), done.output().reportedCost());
    }

    @Test
    void anUnknownStatusWordIsUnknownNotAnException() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"paused\"}]}"));
        JobStatus s = provider.poll(JOB).status();
        assertEquals(JobState.UNKNOWN, s.state());
        assertEquals("paused", s.raw());
    }

    @Test
    void pendingAndBareAcknowledgementsAreQueued() {
        server.enqueue(ok("{\"data\":[{\"taskType\":\"videoInference\",\"taskUUID\":\"" + TASK + "\",\"status\":\"pending\"}]}"));
        server.enqueue(ok(ack(TASK)));
        assertEquals(JobState.QUEUED, provider.poll(JOB).status().state());
        assertEquals(JobState.QUEUED, provider.poll(JOB).status().state());
    }

    @Test
    void anAnswerWithoutThisTaskIsUnknown() {
        server.enqueue(ok("{\"data\":[]}"));
        assertEquals(JobState.UNKNOWN, provider.poll(JOB).status().state());
    }

    @Test
    void aSuccessWithoutVideoUrlIsUnparseable() {
        server.enqueue(ok("{\"data\":[{\"taskUUID\":\"" + TASK + "\",\"status\":\"success\",\"videoUUID\":\"" + A + "\"}]}"));
        assertThrows(UnparseableResponseException.class, () -> provider.poll(JOB));
    }

    @Test
    void aSeedBeyondLongRangeDoesNotBreakTheResult() {
        server.enqueue(ok("{\"data\":[{\"taskUUID\":\"" + TASK + "\",\"status\":\"success\",\"videoURL\":\"https://x.example/v.webm\",\"seed\":9223372036854776000}]}"));
        GeneratedVideo v = provider.poll(JOB).output().videos().get(0);
        assertNull(v.seed());
        assertEquals("video/webm", v.contentType());
    }

    @Test
    void aServerErrorOnPollIsThrownForRetryNotAJobFailure() {
        server.enqueue(json(500, "{\"errors\":[{\"code\":\"internalServerError\",\"message\":\"oops\",\"taskUUID\":\"" + TASK + "\"}]}"));
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> provider.poll(JOB));
        assertTrue(e.retryable());
    }

    @Test
    void anAuthErrorInsideA200IsThrown() {
        server.enqueue(ok("{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"Invalid API key.\",\"parameter\":\"apiKey\",\"taskType\":\"authentication\"}]}"));
        assertThrows(AuthenticationException.class, () -> provider.poll(JOB));
    }

    @Test
    void resultReturnsTheOutputOfAFinishedJobWithOneCall() {
        server.enqueue(ok("{\"data\":[" + success(TASK, A, "0.21") + "]}"));
        ProviderOutput out = provider.result(JOB);
        assertEquals(A, out.videos().get(0).id());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void resultOfAFailedOrUnfinishedJobThrows() {
        server.enqueue(ok("{\"errors\":[{\"code\":\"timeoutProvider\",\"status\":\"error\",\"message\":\"timed out\",\"taskUUID\":\"" + TASK + "\"}]}"));
        server.enqueue(ok("{\"data\":[" + processing(TASK, 5) + "]}"));
        JobFailedException failed = assertThrows(JobFailedException.class, () -> provider.result(JOB));
        assertEquals(JOB, failed.jobId());
        assertThrows(dev.videogen4j.error.UnparseableResponseException.class, () -> provider.result(JOB));
    }

    @Test
    void runwareCannotCancelButDeduplicatesSubmits() {
        assertSame(CancelOutcome.NOT_SUPPORTED, provider.cancel(JOB));
        assertFalse(provider.supportsCancel());
        assertTrue(provider.deduplicatesSubmits());
        assertEquals(0, server.getRequestCount(), "cancel makes no call");
    }

    static String success(String task, String video, String cost) {
        return "{\"taskType\":\"videoInference\",\"taskUUID\":\"" + task + "\",\"status\":\"success\",\"videoUUID\":\"" + video
                + "\",\"videoURL\":\"https://vm.runware.ai/video/os/a23d05/ws/5/vi/" + video + ".mp4\",\"seed\":1,\"cost\":" + cost + "}";
    }

    static String processing(String task, int progress) {
        return "{\"taskType\":\"videoInference\",\"taskUUID\":\"" + task + "\",\"status\":\"processing\",\"progress\":" + progress + "}";
    }
}
