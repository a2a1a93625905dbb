package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submit, status, result and cancel in the shapes of fal-api.md §1. */
class FalQueueTest extends EmulatorTestBase {
    private static final String APP_URL = "/fal-ai/kling-video/requests/";

    @Override
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder.timing(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Test
    void seedInputExampleIsAcceptedWithAppOnlyUrls() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V,
                TestHttp.resource("fal-kling-v2.5-turbo-standard-i2v-input.json"));
        assertEquals(200, submit.code(), submit.body());
        String id = (String) submit.at("request_id");
        String url = emu.falQueueBaseUrl() + APP_URL + id;
        assertEquals(Map.of("status", "IN_QUEUE", "request_id", id, "response_url", url,
                "status_url", url + "/status", "cancel_url", url + "/cancel", "queue_position", 0.0),
                submit.json());
        assertEquals(id, submit.headers().get("x-fal-request-id"));
    }

    @Test
    void statusIs202InQueueThen202InProgressThen200Completed() throws Exception {
        String statusUrl = (String) falSubmit(FAL_I2V, falInput()).at("status_url");

        TestHttp.Result queued = falGet(statusUrl);
        assertEquals(202, queued.code());
        assertEquals("IN_QUEUE", queued.at("status"));
        assertEquals(0.0, queued.at("queue_position"));

        advance(4);
        TestHttp.Result running = falGet(statusUrl + "?logs=0");
        assertEquals(202, running.code());
        assertEquals("IN_PROGRESS", running.at("status"));
        assertTrue(((Map<?, ?>) running.json()).containsKey("logs"), "fal_client reads data[\"logs\"]");
        assertNull(running.at("logs"), "null unless asked for");
        List<?> logs = (List<?>) falGet(statusUrl + "?logs=1").at("logs");
        assertEquals(1, logs.size());
        assertEquals(Map.of("message", "Starting video generation on " + FAL_I2V, "level", "INFO",
                "source", "USER", "timestamp", "2026-01-01T00:00:03.000Z"), logs.get(0));

        advance(9);
        TestHttp.Result completed = falGet(statusUrl + "?logs=true");
        assertEquals(200, completed.code());
        assertEquals("COMPLETED", completed.at("status"));
        assertEquals(10.0, completed.at("metrics", "inference_time"));
        assertEquals(5, ((List<?>) completed.at("logs")).size());
        assertNull(completed.at("error"));
    }

    @Test
    void queuePositionCountsJobsAheadOnTheSameEndpoint() throws Exception {
        falSubmit(FAL_I2V, falInput("prompt", "first"));
        advance(1);
        falSubmit(FAL_I2V, falInput("prompt", "second"));
        TestHttp.Result third = falSubmit(FAL_I2V, falInput("prompt", "third"));
        assertEquals(2.0, third.at("queue_position"));
        falSubmit("fal-ai/kling-video/v2.1/master/text-to-video", falInput("image_url", null));
        advance(2); // the first job starts
        assertEquals(1.0, falGet((String) third.at("status_url")).at("queue_position"));
    }

    @Test
    void resultBeforeCompletionIs400ThenTheVideo() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput("duration", "10"));
        String resultUrl = (String) submit.at("response_url");
        TestHttp.Result early = falGet(resultUrl);
        assertEquals(400, early.code());
        assertEquals(Map.of("detail", "Request is still in progress"), early.json());

        advance(13);
        TestHttp.Result result = falGet(resultUrl);
        assertEquals(200, result.code());
        assertEquals(submit.at("request_id"), result.headers().get("x-fal-request-id"));
        Map<?, ?> video = (Map<?, ?>) result.at("video");
        assertEquals("video/mp4", video.get("content_type"));
        assertTrue(video.get("url").toString().startsWith(emu.baseUrl() + "/videos/"));
        TestHttp.Result download = http.get(video.get("url").toString());
        assertEquals(((Double) video.get("file_size")).longValue(), download.bytes().length);
        assertEquals(result.json(), falGet(resultUrl + "/response").json(), "trailing /response");

        EmulatorStats stats = emu.stats();
        assertEquals(1, stats.billableJobs("fal", FAL_I2V));
        assertEquals(new BigDecimal("0.42"), stats.moneyCharged("fal"), "10 s × $0.042");
    }

    @Test
    void failedJobCompletesWithErrorAndItsResultFails() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput("prompt", "boom [emulator:fail]"));
        advance(13);
        TestHttp.Result status = falGet((String) submit.at("status_url"));
        assertEquals(200, status.code());
        assertEquals("COMPLETED", status.at("status"));
        assertEquals("internal_server_error", status.at("error_type"));
        assertTrue(status.at("error") instanceof String);
        TestHttp.Result result = falGet((String) submit.at("response_url"));
        assertEquals(500, result.code());
        assertEquals(Map.of("detail", "Internal server error", "error_type", "internal_server_error"),
                result.json());
        assertEquals("internal_server_error", result.headers().get("X-Fal-Error-Type"));
        assertEquals(0, emu.stats().billableJobs("fal"), "5xx is not billed");
    }

    @Test
    void cancelWhileQueuedAnswersOkThenAlreadyCompletedAndUnknownIsNotFound() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput());
        String cancelUrl = (String) submit.at("cancel_url");
        TestHttp.Result cancelled = falPut(cancelUrl);
        assertEquals(200, cancelled.code());
        assertEquals(Map.of("status", "OK"), cancelled.json(), "removed from the queue: final");
        assertEquals(400, falPut(cancelUrl).code());
        assertEquals(Map.of("status", "ALREADY_COMPLETED"), falPut(cancelUrl).json());
        TestHttp.Result unknown = falPut(emu.falQueueBaseUrl() + APP_URL + "nope/cancel");
        assertEquals(404, unknown.code());
        assertEquals(Map.of("status", "NOT_FOUND"), unknown.json());

        advance(30);
        assertEquals("COMPLETED", falGet((String) submit.at("status_url")).at("status"));
        EmulatorStats stats = emu.stats();
        assertEquals(1, stats.jobsSubmitted("fal"));
        assertEquals(0, stats.billableJobs("fal"), "cancelled while queued: never ran");
    }

    @Test
    void cancelWhileRunningIsOnlyASignalTheJobRunsOnAndIsBilled() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput());
        advance(5);
        TestHttp.Result cancel = falPut((String) submit.at("cancel_url"));
        assertEquals(202, cancel.code());
        assertEquals(Map.of("status", "CANCELLATION_REQUESTED"), cancel.json());
        assertEquals("IN_PROGRESS", falGet((String) submit.at("status_url")).at("status"));
        assertEquals(202, falPut((String) submit.at("cancel_url")).code(), "still running: signal again");
        advance(20);
        TestHttp.Result status = falGet((String) submit.at("status_url"));
        assertEquals("COMPLETED", status.at("status"));
        assertNull(status.at("error_type"));
        assertEquals(200, falGet((String) submit.at("response_url")).code(), "the video exists");
        assertEquals(1, emu.stats().billableJobs("fal"));
        assertEquals(400, falPut((String) submit.at("cancel_url")).code());
    }

    @Test
    void completedJobCannotBeCancelled() throws Exception {
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput());
        advance(13);
        assertEquals(Map.of("status", "ALREADY_COMPLETED"), falPut((String) submit.at("cancel_url")).json());
    }

    @Test
    void authAndRoutingErrors() throws Exception {
        TestHttp.Result noKey = http.post(emu.falQueueBaseUrl() + "/" + FAL_I2V, falInput());
        assertEquals(401, noKey.code());
        assertEquals(Map.of("detail", "Unauthorized"), noKey.json());
        assertEquals(401, http.post(emu.falQueueBaseUrl() + "/" + FAL_I2V, falInput(),
                "Authorization", "Key wrong").code());
        assertEquals(404, falSubmit("fal-ai/kling-video/v9/unknown", falInput()).code());
        assertEquals(404, falGet(emu.falQueueBaseUrl() + APP_URL + "nope/status").code());

        String id = (String) falSubmit(FAL_I2V, falInput()).at("request_id");
        String withSubPath = emu.falQueueBaseUrl() + "/" + FAL_I2V + "/requests/" + id + "/status";
        assertEquals(404, falGet(withSubPath).code(), "status URLs use owner/app only");
        assertEquals(0, emu.stats().jobsSubmitted("runware"));
        assertFalse(emu.stats().requests("fal.submit") == 0);
    }

    @Test
    void byteIdenticalResubmitIsADuplicateAndASecondJob() throws Exception {
        String body = falInput();
        String first = (String) falSubmit(FAL_I2V, body).at("request_id");
        String second = (String) falSubmit(FAL_I2V, body).at("request_id");
        falSubmit("fal-ai/kling-video/v2.1/standard/image-to-video", body);
        assertFalse(first.equals(second));
        EmulatorStats stats = emu.stats();
        assertEquals(1, stats.duplicateSubmissions("fal"), "same body on another endpoint is new");
        assertEquals(3, stats.jobsSubmitted("fal"));
    }
}
