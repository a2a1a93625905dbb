package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 422 model errors in fal's {@code detail[]} form (fal-api.md §2, §5). Like real fal, the queue
 * accepts any well-formed JSON; the model validates it when the job runs, the job ends COMPLETED
 * without error fields, and the 422 shows only on the result (TanStack/ai PR #396).
 */
class FalValidationTest extends EmulatorTestBase {
    private static final String PRO_I2V = "fal-ai/kling-video/v2.5-turbo/pro/image-to-video";
    private static final String T2V = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";

    private List<?> details(String endpoint, String body) throws Exception {
        TestHttp.Result submit = falSubmit(endpoint, body);
        assertEquals(200, submit.code(), submit.body());
        assertEquals("IN_QUEUE", submit.at("status"));
        TestHttp.Result status = falGet(submit.at("status_url") + "?logs=0");
        assertEquals(200, status.code());
        assertEquals("COMPLETED", status.at("status"));
        assertNull(status.at("error"), "the failure is not on the status");
        assertNull(status.at("error_type"));
        TestHttp.Result result = falGet((String) submit.at("response_url"));
        assertEquals(422, result.code(), result.body());
        assertEquals("false", result.headers().get("X-Fal-Retryable"));
        assertEquals(submit.at("request_id"), result.headers().get("x-fal-request-id"));
        return (List<?>) result.at("detail");
    }

    private void accepted(String endpoint, String body) throws Exception {
        TestHttp.Result submit = falSubmit(endpoint, body);
        advance(3);
        assertEquals(200, falGet((String) submit.at("response_url")).code(), body);
    }

    private static Object field(List<?> details, int index, String name) {
        return ((Map<?, ?>) details.get(index)).get(name);
    }

    @Test
    void durationMustBeTheString5Or10() throws Exception {
        List<?> number = details(FAL_I2V, falInput("duration", 5));
        assertEquals(Map.of("loc", List.of("body", "duration"), "msg", "Input should be '5' or '10'",
                "type", "one_of", "url", "https://docs.fal.ai/errors/#one_of",
                "ctx", Map.of("expected", List.of("5", "10")), "input", 5.0), number.get(0));
        assertEquals("7", field(details(FAL_I2V, falInput("duration", "7")), 0, "input"));
        accepted(FAL_I2V, falInput("duration", "10"));
    }

    @Test
    void everyViolationIsListed() throws Exception {
        List<?> details = details(FAL_I2V, "{\"cfg_scale\": 1.5, \"duration\": 10}");
        assertEquals(List.of(List.of("body", "prompt"), List.of("body", "image_url"),
                List.of("body", "duration"), List.of("body", "cfg_scale")),
                details.stream().map(d -> ((Map<?, ?>) d).get("loc")).toList());
        assertEquals("missing", field(details, 0, "type"));
        assertEquals("less_than_equal", field(details, 3, "type"));
    }

    @Test
    void tailImageOnlyOnProImageToVideo() throws Exception {
        accepted(PRO_I2V, falInput("tail_image_url", IMAGE));
        assertEquals("feature_not_supported",
                field(details(FAL_I2V, falInput("tail_image_url", IMAGE)), 0, "type"));
    }

    @Test
    void aspectRatioOnTextToVideoAndV16ProImageToVideo() throws Exception {
        accepted(T2V, falInput("image_url", null, "aspect_ratio", "9:16"));
        accepted("fal-ai/kling-video/v1.6/pro/image-to-video", falInput("aspect_ratio", "1:1"));
        assertEquals("one_of", field(details(T2V, falInput("aspect_ratio", "4:3")), 0, "type"));
        assertEquals("feature_not_supported",
                field(details(FAL_I2V, falInput("aspect_ratio", "16:9")), 0, "type"));
    }

    @Test
    void textToVideoNeedsNoImageAndUnknownFieldsAreIgnored() throws Exception {
        accepted(T2V, "{\"prompt\":\"a lighthouse\",\"foo\":1}");
        assertEquals("image_url", ((List<?>) field(details(FAL_I2V, falInput("image_url", null)), 0,
                "loc")).get(1));
    }

    @Test
    void contentPolicyTokenIsAViolation() throws Exception {
        List<?> details = details(FAL_I2V, falInput("prompt", "x [emulator:content-policy] y"));
        assertEquals("content_policy_violation", field(details, 0, "type"));
        assertEquals(1, emu.stats().jobsSubmitted("fal"), "accepted into the queue first");
        assertEquals(0, emu.stats().billableJobs("fal"), "the emulator does not bill a 422");
    }

    @Test
    void onlyMalformedJsonIsRefusedAtSubmitAndANonObjectFailsWhenItRuns() throws Exception {
        TestHttp.Result malformed = falSubmit(FAL_I2V, "{nope");
        assertEquals(422, malformed.code());
        assertEquals("json_invalid", field((List<?>) malformed.at("detail"), 0, "type"));
        assertEquals("model_attributes_type", field(details(FAL_I2V, "[1]"), 0, "type"));
    }

    @Test
    void aRejectedJobWaitsInTheQueueLikeAnyOtherAndItsWebhookIsTheDocumentedError() throws Exception {
        emu.close();
        emu = ProviderEmulator.builder().clock(clock).seed(42L)
                .timing(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60)).start();
        TestHttp.Result submit = falSubmit(FAL_I2V, falInput("duration", "7"));
        assertEquals("IN_QUEUE", falGet((String) submit.at("status_url")).at("status"));
        assertEquals(400, falGet((String) submit.at("response_url")).code(), "still in progress");
        advance(30);
        TestHttp.Result status = falGet(submit.at("status_url") + "?logs=1");
        assertEquals("COMPLETED", status.at("status"));
        assertEquals(List.of("Input validation failed."),
                ((List<?>) status.at("logs")).stream().map(l -> ((Map<?, ?>) l).get("message")).toList());
        assertEquals(422, falGet((String) submit.at("response_url")).code());
    }
}
