package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 422 model errors in fal's {@code detail[]} form (fal-api.md §2, §5). */
class FalValidationTest extends EmulatorTestBase {
    private static final String PRO_I2V = "fal-ai/kling-video/v2.5-turbo/pro/image-to-video";
    private static final String T2V = "fal-ai/kling-video/v2.5-turbo/pro/text-to-video";

    private List<?> details(String endpoint, String body) throws Exception {
        TestHttp.Result result = falSubmit(endpoint, body);
        assertEquals(422, result.code(), result.body());
        assertEquals("false", result.headers().get("X-Fal-Retryable"));
        return (List<?>) result.at("detail");
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
        assertEquals(200, falSubmit(FAL_I2V, falInput("duration", "10")).code());
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
        assertEquals(200, falSubmit(PRO_I2V, falInput("tail_image_url", IMAGE)).code());
        assertEquals("feature_not_supported",
                field(details(FAL_I2V, falInput("tail_image_url", IMAGE)), 0, "type"));
    }

    @Test
    void aspectRatioOnTextToVideoAndV16ProImageToVideo() throws Exception {
        assertEquals(200, falSubmit(T2V, falInput("image_url", null, "aspect_ratio", "9:16")).code());
        assertEquals(200, falSubmit("fal-ai/kling-video/v1.6/pro/image-to-video",
                falInput("aspect_ratio", "1:1")).code());
        assertEquals("one_of", field(details(T2V, falInput("aspect_ratio", "4:3")), 0, "type"));
        assertEquals("feature_not_supported",
                field(details(FAL_I2V, falInput("aspect_ratio", "16:9")), 0, "type"));
    }

    @Test
    void textToVideoNeedsNoImageAndUnknownFieldsAreIgnored() throws Exception {
        assertEquals(200, falSubmit(T2V, "{\"prompt\":\"a lighthouse\",\"foo\":1}").code());
        assertEquals("image_url", ((List<?>) field(details(FAL_I2V, falInput("image_url", null)), 0,
                "loc")).get(1));
    }

    @Test
    void contentPolicyTokenIsAViolation() throws Exception {
        List<?> details = details(FAL_I2V, falInput("prompt", "x [emulator:content-policy] y"));
        assertEquals("content_policy_violation", field(details, 0, "type"));
        assertEquals(0, emu.stats().jobsSubmitted("fal"));
    }

    @Test
    void invalidJsonAndNonObjectBodies() throws Exception {
        assertEquals("json_invalid", field(details(FAL_I2V, "{nope"), 0, "type"));
        assertEquals("model_attributes_type", field(details(FAL_I2V, "[1]"), 0, "type"));
    }
}
