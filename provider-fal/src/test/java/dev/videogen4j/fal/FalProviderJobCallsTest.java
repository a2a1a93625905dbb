package dev.videogen4j.fal;

import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ProviderOutput;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** poll, result and cancel: URLs, every status shape, the cancel outcomes. */
class FalProviderJobCallsTest extends FalServerTest {
    private static final JobId JOB = JobId.of("fal", STD_I2V, REQUEST_ID);
    private static final String APP = "/fal-ai/kling-video/requests/" + REQUEST_ID;

    private JobUpdate poll(int code, String body) throws Exception {
        server.enqueue(json(code, body));
        JobUpdate u = fal.poll(JOB);
        RecordedRequest req = server.takeRequest();
        assertEquals("GET", req.getMethod());
        assertEquals(APP + "/status?logs=0", req.getTarget());   // owner/app only, never the sub-path; no logs asked
        assertEquals("Key " + FalFixtures.KEY, req.getHeaders().get("Authorization"));
        assertNull(u.output());
        return u;
    }

    @Test
    void inQueueIsQueuedWithItsPosition() throws Exception {
        JobStatus s = poll(202, "{\"status\": \"IN_QUEUE\", \"request_id\": \"" + REQUEST_ID + "\", \"queue_position\": 2,"
                + " \"response_url\": \"https://queue.fal.run/fal-ai/kling-video/requests/" + REQUEST_ID + "\"}").status();
        assertEquals(JobStatus.queued(2), s);
        assertEquals("IN_QUEUE", s.raw());
    }

    @Test
    void inProgressIsRunningWithoutAPercentage() throws Exception {
        JobStatus s = poll(202, "{\"status\": \"IN_PROGRESS\", \"request_id\": \"" + REQUEST_ID + "\", \"response_url\": \"x\","
                + " \"logs\": [{\"message\": \"Loading model weights...\", \"level\": \"INFO\", \"source\": \"USER\","
                + " \"timestamp\": \"2026-02-17T10:30:01.123Z\"}]}").status();
        assertEquals(JobState.RUNNING, s.state());
        assertFalse(s.progressPercent().isPresent());
        assertEquals("IN_PROGRESS", s.raw());
    }

    @Test
    void completedIsSucceededOnlyOnceTheSamePollHasReadTheResult() throws Exception {
        server.enqueue(json(200, "{\"status\": \"COMPLETED\", \"request_id\": \"" + REQUEST_ID + "\", \"response_url\": \"x\","
                + " \"logs\": null, \"metrics\": {\"inference_time\": 3.42}}"));
        server.enqueue(json(200, "{\"video\": {\"url\": \"https://v3b.fal.media/files/b/out.mp4\"}}"));
        JobUpdate u = fal.poll(JOB);
        assertEquals(JobStatus.succeeded(), u.status());
        assertEquals("COMPLETED", u.status().raw());
        assertEquals(GeneratedVideo.of("https://v3b.fal.media/files/b/out.mp4"), u.output().videos().get(0));
        assertEquals(APP + "/status?logs=0", server.takeRequest().getTarget());
        assertEquals(APP, server.takeRequest().getTarget());
    }

    @Test
    void completedWithAnErrorIsFailedWithFalsTypeAndMessage() throws Exception {
        JobStatus s = poll(200, "{\"status\": \"COMPLETED\", \"request_id\": \"" + REQUEST_ID + "\","
                + " \"error\": \"Output video was flagged by the content checker\", \"error_type\": \"content_policy_violation\"}").status();
        assertEquals(JobStatus.failed(ErrorKind.CONTENT_POLICY, "content_policy_violation", "Output video was flagged by the content checker"), s);
        JobStatus onlyType = poll(200, "{\"status\": \"COMPLETED\", \"error_type\": \"request_timeout\"}").status();
        assertEquals(JobState.FAILED, onlyType.state());
        assertEquals("request_timeout", onlyType.code().orElseThrow());
    }

    @Test
    void anUnknownStatusIsUnknownNotAnError() throws Exception {
        JobStatus s = poll(202, "{\"status\": \"PAUSED\", \"request_id\": \"" + REQUEST_ID + "\"}").status();
        assertEquals(JobState.UNKNOWN, s.state());
        assertEquals("PAUSED", s.raw());
    }

    @Test
    void aStatusBodyWithoutStatusOrNotJsonIsUnparseable() {
        for (String body : new String[] {"{\"request_id\": \"x\"}", "<html><body>502 Bad Gateway</body></html>",
                "{\"status\": \"IN_QU", "null"}) {
            server.enqueue(json(200, body));
            UnparseableResponseException e = assertThrows(UnparseableResponseException.class, () -> fal.poll(JOB), body);
            assertEquals(Operation.POLL, e.operation());
            assertEquals(SubmitOutcome.NOT_A_SUBMIT, e.submitOutcome());
        }
    }

    @Test
    void aPollOfAnUnknownRequestIsNotFound() {
        server.enqueue(json(404, "{\"detail\": \"Request not found\"}"));
        ProviderException e = assertThrows(ProviderException.class, () -> fal.poll(JOB));
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().contains("Request not found"), e.getMessage());
    }

    @Test
    void resultMapsTheVideoFile() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("x-fal-request-id", REQUEST_ID)
                .setHeader("X-Fal-Billable-Units", "5").body("{\"video\": {\"content_type\": \"video/mp4\","
                        + " \"file_size\": 16536912, \"url\": \"https://v3b.fal.media/files/b/0a97541e/EiyjY6_Fjf7XPgR7nUli5_output.mp4\","
                        + " \"file_name\": \"output.mp4\"}}").build());
        ProviderOutput out = fal.result(JOB);
        RecordedRequest req = server.takeRequest();
        assertEquals("GET", req.getMethod());
        assertEquals(APP, req.getTarget());
        assertEquals(new GeneratedVideo("https://v3b.fal.media/files/b/0a97541e/EiyjY6_Fjf7XPgR7nUli5_output.mp4", null,
                "video/mp4", 16536912L, null), out.videos().get(0));
        assertEquals(1, out.videos().size());
        assertNull(out.reportedCost());   // fal reports no cost in the body
    }

    @Test
    void resultOfSeed003OutputExampleWithOnlyAUrl() {
        server.enqueue(json(200, "{\"video\": {\"url\": \"https://storage.googleapis.com/falserverless/example_outputs/kling_v25_std_i2v_output.mp4\"}}"));
        assertEquals(GeneratedVideo.of("https://storage.googleapis.com/falserverless/example_outputs/kling_v25_std_i2v_output.mp4"),
                fal.result(JOB).videos().get(0));
    }

    @Test
    void aResultWithoutVideoIsUnparseable() {
        server.enqueue(json(200, "{\"images\": []}"));
        assertThrows(UnparseableResponseException.class, () -> fal.result(JOB));
        server.enqueue(json(200, "{\"video\": {\"content_type\": \"video/mp4\"}}"));
        assertThrows(UnparseableResponseException.class, () -> fal.result(JOB));
    }

    @Test
    void aFailedRequestsResultIsAFailedJobWithFalsTypeAndWords() {
        server.enqueue(json(422, "{\"detail\": [{\"loc\": [\"body\", \"image_url\"], \"msg\": \"Failed to download the file\","
                + " \"type\": \"file_download_error\", \"url\": \"https://docs.fal.ai/errors/#file_download_error\","
                + " \"input\": \"https://example.com/missing.png\"}]}"));
        JobFailedException invalid = assertThrows(JobFailedException.class, () -> fal.result(JOB));
        assertEquals(JobStatus.failed(ErrorKind.INVALID_REQUEST, "file_download_error", "image_url: Failed to download the file"),
                invalid.status());

        server.enqueue(new MockResponse.Builder().code(500).setHeader("X-Fal-Error-Type", "runner_server_error")
                .body("{\"detail\": \"Runner crashed while generating\", \"error_type\": \"runner_server_error\"}").build());
        JobFailedException down = assertThrows(JobFailedException.class, () -> fal.result(JOB));
        assertEquals(JobStatus.failed(ErrorKind.OTHER, "runner_server_error", "Runner crashed while generating"), down.status());
    }

    private CancelOutcome cancel(MockResponse response) throws Exception {
        server.enqueue(response);
        CancelOutcome outcome = fal.cancel(JOB);
        RecordedRequest req = server.takeRequest();
        assertEquals("PUT", req.getMethod());
        assertEquals(APP + "/cancel", req.getTarget());
        assertEquals(0, req.getBodySize());
        return outcome;
    }

    @Test
    void cancelOutcomesAreValuesNotExceptions() throws Exception {
        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, cancel(json(202, "{\"status\": \"CANCELLATION_REQUESTED\"}")));
        assertEquals(CancelOutcome.ALREADY_COMPLETED, cancel(json(400, "{\"status\": \"ALREADY_COMPLETED\"}")));
        assertEquals(CancelOutcome.NOT_FOUND, cancel(json(404, "{\"status\": \"NOT_FOUND\"}")));
        assertEquals(CancelOutcome.CANCELLED, cancel(json(200, "{\"status\": \"OK\"}")), "removed from the queue: final");
        assertEquals(CancelOutcome.NOT_FOUND, cancel(new MockResponse.Builder().code(404).body("<html>Not Found</html>").build()));
    }

    @Test
    void otherCancelAnswersAreMappedExceptions() {
        server.enqueue(json(400, "{\"detail\": \"bad request\", \"error_type\": \"bad_request\"}"));
        assertThrows(InvalidRequestException.class, () -> fal.cancel(JOB));
        server.enqueue(json(401, "{\"detail\": \"Unauthorized\"}"));
        AuthenticationException auth = assertThrows(AuthenticationException.class, () -> fal.cancel(JOB));
        assertEquals(Operation.CANCEL, auth.operation());
        server.enqueue(json(503, "{\"detail\": \"no runner\", \"error_type\": \"runner_scheduling_failure\"}"));
        assertThrows(ProviderUnavailableException.class, () -> fal.cancel(JOB));
    }

    @Test
    void foreignOrMalformedJobIdsAreRefusedWithoutHttp() {
        assertThrows(dev.videogen4j.error.InvalidRequestException.class, () -> fal.poll(JobId.of("runware", "klingai:6@0", "x")));
        assertThrows(dev.videogen4j.error.InvalidRequestException.class, () -> fal.result(JobId.of("fal", "not-an-endpoint", "x")));
        assertEquals(0, server.getRequestCount());
    }
}
