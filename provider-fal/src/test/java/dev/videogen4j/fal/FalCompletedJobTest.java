package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.REQUEST_ID;
import static dev.videogen4j.fal.FalFixtures.STD_I2V;
import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.error.SubmitOutcome;
import dev.videogen4j.fal.internal.FalResults;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * fal ends every request COMPLETED, failed or not; the adapter tells them apart by reading the result in the same
 * poll (issue 13 items 1 and 4), and follows the URLs submit returned (item 6).
 */
class FalCompletedJobTest extends FalServerTest {
    private static final JobId JOB = JobId.of("fal", STD_I2V, REQUEST_ID);
    private static final String APP = "/fal-ai/kling-video/requests/" + REQUEST_ID;
    private static final String COMPLETED = "{\"status\": \"COMPLETED\", \"request_id\": \"" + REQUEST_ID + "\", \"logs\": null}";

    private JobUpdate pollCompletedThen(MockResponse result) {
        server.enqueue(json(200, COMPLETED));
        server.enqueue(result);
        return fal.poll(JOB);
    }

    @Test
    void a422AfterCompletedIsAFailedJobWithFalsReasonNeverASuccess() {
        JobUpdate u = pollCompletedThen(json(422, "{\"detail\": [{\"loc\": [\"body\", \"duration\"],"
                + " \"msg\": \"Input should be '5' or '10'\", \"type\": \"one_of\", \"ctx\": {\"expected\": [\"5\", \"10\"]},"
                + " \"input\": \"7\"}]}"));
        assertEquals(JobStatus.failed(ErrorKind.INVALID_REQUEST, "one_of", "duration: Input should be '5' or '10'"),
                u.status(), "the input itself was refused: no fallback sends it elsewhere");
        assertEquals("COMPLETED", u.status().raw());
        assertNull(u.output());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void falsFinalErrorTypesOnTheResultEndTheJob() {
        for (String type : new String[] {"runner_server_error", "internal_error"}) {
            JobUpdate u = pollCompletedThen(new MockResponse.Builder().code(500).setHeader("X-Fal-Error-Type", type)
                    .body("{\"detail\": \"Runner failed\", \"error_type\": \"" + type + "\"}").build());
            assertEquals(JobStatus.failed(ErrorKind.OTHER, type, "Runner failed"), u.status(), type);
        }
    }

    @Test
    void aBare500OnTheResultIsReadAgainAtMostFiveTimesThenGivenUpWithoutForgettingTheJob() {
        for (int read = 1; read < FalResults.MAX_READS; read++) {
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class,
                    () -> pollCompletedThen(json(500, "{\"detail\": \"Internal Server Error\"}")));
            assertTrue(e.retryable(), "read " + read + " may be retried");
        }
        ProviderException last = assertThrows(ProviderException.class,
                () -> pollCompletedThen(json(500, "{\"detail\": \"Internal Server Error\"}")));
        assertFalse(last.retryable());
        assertEquals("fal result failed: HTTP 500: job " + JOB + " is COMPLETED at fal but its result could not be read"
                + " in 5 attempts; it may exist: await the job id again to read it again", last.getMessage());
        assertEquals(10, server.getRequestCount(), "five status reads, five result reads, nothing more");
    }

    @Test
    void theUrlsSubmitReturnedAreUsedWhenTheyPointAtTheConfiguredHost() throws Exception {
        String base = server.url("/").toString();
        String custom = base + "q/fal-ai/kling-video/requests/" + REQUEST_ID;
        server.enqueue(json(200, "{\"status\": \"IN_QUEUE\", \"request_id\": \"" + REQUEST_ID + "\", \"response_url\": \""
                + custom + "\", \"status_url\": \"" + custom + "/status\", \"cancel_url\": \"" + custom + "/cancel\"}"));
        JobId id = fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)).jobId();
        server.takeRequest();
        server.enqueue(json(200, COMPLETED));
        server.enqueue(json(200, "{\"video\": {\"url\": \"https://v3.fal.media/files/x.mp4\"}}"));
        fal.poll(id);
        assertEquals("/q/fal-ai/kling-video/requests/" + REQUEST_ID + "/status?logs=0", server.takeRequest().getTarget());
        assertEquals("/q/fal-ai/kling-video/requests/" + REQUEST_ID, server.takeRequest().getTarget());
    }

    @Test
    void theCancelUrlSubmitReturnedIsUsedWhenItPointsAtTheConfiguredHost() throws Exception {
        String custom = server.url("/").toString() + "q/fal-ai/kling-video/requests/" + REQUEST_ID;
        server.enqueue(json(200, "{\"status\": \"IN_QUEUE\", \"request_id\": \"" + REQUEST_ID + "\", \"response_url\": \""
                + custom + "\", \"status_url\": \"" + custom + "/status\", \"cancel_url\": \"" + custom + "/cancel\"}"));
        JobId id = fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)).jobId();
        server.takeRequest();
        server.enqueue(json(202, "{\"status\": \"CANCELLATION_REQUESTED\"}"));
        fal.cancel(id);
        assertEquals("/q/fal-ai/kling-video/requests/" + REQUEST_ID + "/cancel", server.takeRequest().getTarget());
    }

    @Test
    void aCancelUrlOnAnotherHostMakesTheJobsUrlsBuiltAllTheSame() throws Exception {
        String custom = server.url("/").toString() + "q/fal-ai/kling-video/requests/" + REQUEST_ID;
        server.enqueue(json(200, "{\"status\": \"IN_QUEUE\", \"request_id\": \"" + REQUEST_ID + "\", \"response_url\": \""
                + custom + "\", \"status_url\": \"" + custom + "/status\", \"cancel_url\": "
                + "\"https://elsewhere.example/fal-ai/kling-video/requests/" + REQUEST_ID + "/cancel\"}"));
        JobId id = fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)).jobId();
        server.takeRequest();
        server.enqueue(json(202, "{\"status\": \"IN_PROGRESS\", \"logs\": null}"));
        fal.poll(id);
        assertEquals(APP + "/status?logs=0", server.takeRequest().getTarget(), "one foreign URL: none is trusted");
        server.enqueue(json(202, "{\"status\": \"CANCELLATION_REQUESTED\"}"));
        fal.cancel(id);
        assertEquals(APP + "/cancel", server.takeRequest().getTarget(), "the key stays on the configured host");
    }

    @Test
    void urlsOnAnotherHostAreIgnoredAndAResumedJobBuildsThem() throws Exception {
        server.enqueue(json(200, FalFixtures.SUBMIT_OK));   // https://queue.fal.run/...: not the configured base
        JobId id = fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)).jobId();
        server.takeRequest();
        server.enqueue(json(202, "{\"status\": \"IN_PROGRESS\", \"logs\": null}"));
        fal.poll(id);
        assertEquals(APP + "/status?logs=0", server.takeRequest().getTarget(), "the key stays on the configured host");
    }

    @Test
    void fal409IsRetriedEverywhereAndAnIngressErrorOnSubmitStaysUncertain() {
        server.enqueue(json(409, "{\"detail\": \"Conflict\"}"));
        ProviderException conflict = assertThrows(ProviderException.class, () -> fal.poll(JOB));
        assertTrue(conflict.retryable());
        server.enqueue(new MockResponse.Builder().code(502).body("<html><center>nginx</center></html>").build());
        ProviderException ingress = assertThrows(ProviderException.class,
                () -> fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)));
        assertEquals(SubmitOutcome.UNKNOWN, ingress.submitOutcome(), "an nginx 502 may follow an accepted submit");
        server.enqueue(json(409, "{\"detail\": \"Conflict\"}"));
        ProviderException refused = assertThrows(ProviderException.class,
                () -> fal.submit(FalFixtures.imageToVideo(), FalFixtures.context(STD_I2V)));
        assertTrue(refused.retryable());
        assertEquals(SubmitOutcome.REJECTED, refused.submitOutcome(), "fal_client resends a 409'd submit");
    }

    @Test
    void anIngressErrorOnTheResultIsReadAgain() {
        ProviderException e = assertThrows(ProviderException.class, () -> pollCompletedThen(
                new MockResponse.Builder().code(502).body("<html><center>nginx</center></html>").build()));
        assertTrue(e.retryable());
    }
}
