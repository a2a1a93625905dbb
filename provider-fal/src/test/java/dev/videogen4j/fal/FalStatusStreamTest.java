package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.spi.JobUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@code FalProvider.streamStatus}: the request it sends, what it reads, its errors, and that close ends it. */
class FalStatusStreamTest extends FalServerTest {
    private static final JobId JOB = JobId.of("fal", STD_I2V, REQUEST_ID);
    private final List<JobStatus> seen = new ArrayList<>();

    private static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    @Test
    void followsTheStatusStreamOfTheJobsAppWithoutLogsUntilCompleted() throws Exception {
        server.enqueue(events("data: {\"status\": \"IN_QUEUE\", \"queue_position\": 0}\n\n"
                + "data: {\"status\": \"IN_PROGRESS\"}\n\ndata: {\"status\": \"COMPLETED\"}\n\n"));
        Optional<JobUpdate> end = fal.streamStatus(JOB, seen::add);

        assertEquals(JobState.SUCCEEDED, end.orElseThrow().status().state());
        assertEquals(List.of(JobState.QUEUED, JobState.RUNNING), seen.stream().map(JobStatus::state).toList());
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/fal-ai/kling-video/requests/" + REQUEST_ID + "/status/stream?logs=0", r.getTarget());
        assertEquals("text/event-stream", r.getHeaders().get("Accept"));
        assertEquals("Key " + FalFixtures.KEY, r.getHeaders().get("Authorization"));
    }

    @Test
    void anErrorStatusIsTheTypedErrorAPollWouldGet() {
        server.enqueue(FalFixtures.json(503, "{\"detail\": \"Runner unavailable\", \"error_type\": \"runner_scheduling_failure\"}"));
        ProviderException e = assertThrows(ProviderException.class, () -> fal.streamStatus(JOB, seen::add));
        assertEquals(503, e.httpStatus());
        assertTrue(e.retryable());
        assertEquals(List.of(), seen);
    }

    @Test
    void closingTheProviderEndsAnOpenStream() throws Exception {
        // one status, then a byte every second: the stream would stay open for minutes
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
                .body("data: {\"status\": \"IN_PROGRESS\"}\n\n" + ":\n".repeat(600))
                .throttleBody(40, 1, TimeUnit.SECONDS).build());
        CompletableFuture<Optional<JobUpdate>> reading = CompletableFuture.supplyAsync(() -> fal.streamStatus(JOB, seen::add));
        server.takeRequest();
        fal.close();

        ExecutionException e = assertThrows(ExecutionException.class, () -> reading.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ProviderException.class, e.getCause());
    }
}
