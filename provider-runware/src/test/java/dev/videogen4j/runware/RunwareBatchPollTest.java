package dev.videogen4j.runware;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.runware.Fixtures.json;
import static dev.videogen4j.runware.Fixtures.object;
import static dev.videogen4j.runware.Fixtures.ok;
import static dev.videogen4j.runware.Fixtures.take;
import static dev.videogen4j.runware.Fixtures.tasks;
import static dev.videogen4j.runware.RunwarePollTest.processing;
import static dev.videogen4j.runware.RunwarePollTest.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.RateLimitedException;
import dev.videogen4j.spi.BatchPoller;
import dev.videogen4j.spi.JobUpdate;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several getResponse tasks in one array, answers matched by taskUUID rather than position. */
class RunwareBatchPollTest {
    private static final String T1 = "11111111-cb81-4db5-8506-b72a9425f9d1";
    private static final String T2 = "22222222-cb81-4db5-8506-b72a9425f9d1";
    private static final String T3 = "33333333-cb81-4db5-8506-b72a9425f9d1";
    private static final String T4 = "44444444-cb81-4db5-8506-b72a9425f9d1";
    private static final String V = "b7db282d-2943-4f12-992f-77df3ad3ec71";

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
    void pollsEveryJobInOneRequestAndMatchesAnswersByTaskUUID() {
        // Answers in another order than asked, a failure in errors[], and nothing at all about T4.
        server.enqueue(ok("{\"data\":[" + processing(T3, 30) + "," + success(T1, V, "0.21") + "],"
                + "\"errors\":[{\"code\":\"timeoutProvider\",\"status\":\"error\",\"message\":\"timed out\",\"taskUUID\":\"" + T2 + "\"}]}"));
        List<JobId> jobs = List.of(job(T1), job(T2), job(T3), job(T4));

        Map<JobId, JobUpdate> updates = ((BatchPoller) provider).pollAll(jobs);

        assertEquals(List.of(object(poll(T1)), object(poll(T2)), object(poll(T3)), object(poll(T4))), tasks(take(server)));
        assertEquals(1, server.getRequestCount(), "one HTTP call for all jobs");
        assertEquals(JobState.SUCCEEDED, updates.get(job(T1)).status().state());
        assertEquals(V, updates.get(job(T1)).output().videos().get(0).id());
        assertEquals(JobStatus.failed(ErrorKind.TIMEOUT, "timeoutProvider", "timed out"), updates.get(job(T2)).status());
        assertEquals(JobStatus.running(30), updates.get(job(T3)).status());
        assertTrue(!updates.containsKey(job(T4)), "a job Runware said nothing about is absent");
        assertEquals(3, updates.size());
    }

    @Test
    void aJobAskedForTwiceIsPolledOnce() {
        server.enqueue(ok("{\"data\":[" + processing(T1, 1) + "]}"));
        Map<JobId, JobUpdate> updates = provider.pollAll(List.of(job(T1), job(T1)));
        assertEquals(1, tasks(take(server)).size());
        assertEquals(1, updates.size());
    }

    @Test
    void nothingToPollMakesNoCall() {
        assertEquals(Map.of(), provider.pollAll(List.of()));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFailedCallFailsTheWholeBatch() {
        server.enqueue(json(401, "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"Invalid API key\",\"parameter\":\"apiKey\",\"taskType\":\"authentication\"}]}"));
        assertThrows(AuthenticationException.class, () -> provider.pollAll(List.of(job(T1), job(T2))));
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
        RateLimitedException e = assertThrows(RateLimitedException.class, () -> provider.pollAll(List.of(job(T1), job(T2))));
        assertEquals(java.time.Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    private static JobId job(String task) {
        return JobId.of("runware", "klingai:6@0", task);
    }

    private static String poll(String task) {
        return "{\"taskType\":\"getResponse\",\"taskUUID\":\"" + task + "\"}";
    }
}
