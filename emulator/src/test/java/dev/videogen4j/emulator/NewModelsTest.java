package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.emulator.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The newer families as the emulator plays them from its own transcription of the vendors' pages: Runware refuses
 * what a model page does not allow and reports the page's price; fal checks each endpoint's own schema.
 */
class NewModelsTest extends EmulatorTestBase {
    @Override
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder.extraFalEndpoint("fal-ai/ltx-2/text-to-video/fast", false, new BigDecimal("0.04"));
    }

    private BigDecimal cost(Map<String, Object> task) throws Exception {
        TestHttp.Result ack = runware(task);
        assertEquals(200, ack.code(), ack.body());
        advance(600);
        Map<?, ?> item = (Map<?, ?>) runware(poll(task.get("taskUUID"))).at("data", 0);
        assertEquals("success", item.get("status"), item.toString());
        return new BigDecimal(item.get("cost").toString());
    }

    @Test
    void runwareVeo31FastNeedsExactlyOneOfFrameImagesOrASizeAndBillsThePagesPrice() throws Exception {
        assertEquals(List.of("missingParameter"), errorCodes(t2vTask("google:3@3", "duration", 8)));
        Map<String, Object> i2vWithSize = videoTask("model", "google:3@3", "duration", 8, "width", 1920, "height", 1080);
        assertEquals(List.of("conflictingParameters"), errorCodes(i2vWithSize));
        assertEquals(List.of("unsupportedDuration"), errorCodes(t2vTask("google:3@3", "duration", 5, "width", 1920, "height", 1080)));
        assertEquals(0, new BigDecimal("1.20").compareTo(cost(t2vTask("google:3@3", "duration", 8, "width", 1920, "height", 1080,
                "providerSettings", Map.of("google", Map.of("generateAudio", true))))), "$0.15/s with audio at 1080p");
    }

    @Test
    void runwareHailuo23TakesSixSecondsOnlyAt1080pAndIsPricedPerVideo() throws Exception {
        assertEquals(List.of("unsupportedDuration"), errorCodes(t2vTask("minimax:4@1", "duration", 10, "width", 1920, "height", 1080)));
        assertEquals(0, new BigDecimal("0.56").compareTo(cost(t2vTask("minimax:4@1", "duration", 10, "width", 1366, "height", 768))));
    }

    @Test
    void runwareWanTakesResolutionButNotWithASizeAndRefusesUnknownProviderSettings() throws Exception {
        assertEquals(List.of("conflictingParameters"), errorCodes(t2vTask("alibaba:wan@2.6", "duration", 5, "resolution", "720p",
                "width", 1280, "height", 720)));
        assertEquals(List.of("unsupportedParameter"), errorCodes(t2vTask("alibaba:wan@2.6", "duration", 5, "resolution", "720p",
                "providerSettings", Map.of("alibaba", Map.of("loudness", 3)))));
        assertEquals(0, new BigDecimal("1.50").compareTo(cost(t2vTask("alibaba:wan@2.6", "duration", 10, "resolution", "1080p"))));
    }

    @Test
    void falVeo31WantsDurationsWithAnSAndItsOwnResolutions() throws Exception {
        TestHttp.Result wrong = falResult("fal-ai/veo3.1", Json.writeString(Map.of("prompt", "p", "duration", "5",
                "resolution", "480p")));
        assertEquals(422, wrong.code(), wrong.body());
        assertEquals(List.of(List.of("body", "duration"), List.of("body", "resolution")),
                ((List<?>) wrong.at("detail")).stream().map(d -> ((Map<?, ?>) d).get("loc")).sorted((a, b) ->
                        String.valueOf(a).compareTo(String.valueOf(b))).toList());
        assertEquals(200, falSubmit("fal-ai/veo3.1", Json.writeString(Map.of("prompt", "p", "duration", "8s",
                "resolution", "1080p", "generate_audio", false))).code());
    }

    @Test
    void falKling3ProTakesStartAndEndImageUrlsNotImageUrl() throws Exception {
        String endpoint = "fal-ai/kling-video/v3/pro/image-to-video";
        assertEquals(200, falSubmit(endpoint, Json.writeString(Map.of("prompt", "p", "start_image_url", IMAGE,
                "end_image_url", IMAGE, "duration", "12"))).code());
        TestHttp.Result wrong = falResult(endpoint, Json.writeString(Map.of("prompt", "p", "image_url", IMAGE)));
        assertEquals(422, wrong.code(), wrong.body());
    }

    /** Wan 2.6 (fal page + fal's client types): 5/10/15 s as strings, 720p or 1080p, a prompt of at most 800 characters. */
    @Test
    void falWan26RefusesAtResultTimeWhatItsSchemaDoesNotAllow() throws Exception {
        TestHttp.Result wrong = falResult("wan/v2.6/text-to-video", Json.writeString(Map.of("prompt", "x".repeat(801),
                "duration", "8", "resolution", "480p", "negative_prompt", "n".repeat(501))));
        assertEquals(422, wrong.code(), wrong.body());
        List<?> detail = (List<?>) wrong.at("detail");
        assertEquals(List.of("one_of", "one_of", "string_too_long", "string_too_long"), detail.stream()
                .map(d -> String.valueOf(((Map<?, ?>) d).get("type"))).sorted().toList(), wrong.body());
        assertEquals(200, falDone("wan/v2.6/text-to-video", Json.writeString(Map.of("prompt", "x".repeat(800),
                "duration", "15", "resolution", "1080p", "aspect_ratio", "3:4", "multi_shots", false))).code());
        TestHttp.Result noImage = falResult("wan/v2.6/image-to-video", Json.writeString(Map.of("prompt", "p",
                "duration", 10)));
        assertEquals(422, noImage.code(), noImage.body());
        assertEquals(List.of("missing", "one_of"), ((List<?>) noImage.at("detail")).stream()
                .map(d -> String.valueOf(((Map<?, ?>) d).get("type"))).sorted().toList(), "image_url; duration as a number");
        assertEquals(200, falDone("wan/v2.6/image-to-video", Json.writeString(Map.of("prompt", "p", "image_url", IMAGE,
                "duration", "10", "resolution", "720p"))).code());
    }

    private TestHttp.Result falDone(String endpoint, String body) throws Exception {
        TestHttp.Result submit = falSubmit(endpoint, body);
        assertEquals(200, submit.code(), submit.body());
        advance(600);
        return falGet((String) submit.at("response_url"));
    }

    /** fal queues any well-formed input and refuses it when the job runs: the 422 is on the result (issue 13). */
    private TestHttp.Result falResult(String endpoint, String body) throws Exception {
        TestHttp.Result submit = falSubmit(endpoint, body);
        assertEquals(200, submit.code(), submit.body());
        advance(1);
        return falGet((String) submit.at("response_url"));
    }

    @Test
    void anExtraFalEndpointTheEmulatorWasGivenIsServed() throws Exception {
        assertEquals(200, falSubmit("fal-ai/ltx-2/text-to-video/fast", Json.writeString(Map.of("prompt", "p",
                "duration", 8, "resolution", "1080p"))).code());
        assertEquals(404, falSubmit("fal-ai/ltx-2/text-to-video/slow", Json.writeString(Map.of("prompt", "p"))).code());
    }
}
