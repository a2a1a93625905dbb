package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every validation rule of the emulator's Kling table, one error object per violation. */
class RunwareValidationTest extends EmulatorTestBase {
    private static final String BASE64_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /** The codes of the errors a single task produces (expects HTTP 400). */
    private List<Object> codes(Map<String, Object> task) throws Exception {
        TestHttp.Result result = runware(task);
        assertEquals(400, result.code(), result.body());
        List<?> errors = (List<?>) result.at("errors");
        for (Object error : errors) {
            Map<?, ?> map = (Map<?, ?>) error;
            assertEquals("videoInference", map.get("taskType"));
            assertEquals(task.get("taskUUID"), map.get("taskUUID"));
        }
        return errors.stream().map(e -> (Object) ((Map<?, ?>) e).get("code")).toList();
    }

    private Map<?, ?> onlyError(Map<String, Object> task) throws Exception {
        TestHttp.Result result = runware(task);
        assertEquals(1, ((List<?>) result.at("errors")).size(), result.body());
        return (Map<?, ?>) result.at("errors", 0);
    }

    @Test
    void unknownModel() throws Exception {
        assertEquals(List.of("invalidModel"), codes(videoTask("model", "klingai:9@9")));
    }

    @Test
    void unsupportedDurationListsAllowedValuesLikeTheDocsExample() throws Exception {
        Map<?, ?> error = onlyError(videoTask("duration", 7));
        assertEquals("unsupportedDuration", error.get("code"));
        assertEquals("duration", error.get("parameter"));
        assertEquals("float", error.get("type"));
        assertEquals(List.of(5.0, 10.0), error.get("allowedValues"));
        assertTrue(error.get("documentation").toString().startsWith("https://runware.ai/docs/"));
    }

    @Test
    void widthAndHeightAreRefusedByTheModelThatInfersDimensions() throws Exception {
        Map<String, Object> task = videoTask("width", 1280, "height", 720);
        assertEquals(List.of("unsupportedParameter", "unsupportedParameter"), codes(task));
    }

    @Test
    void dimensionsMustBeInTheModelsSetAndComeInPairs() throws Exception {
        Map<?, ?> wrong = onlyError(videoTask("model", "klingai:5@1", "width", 1920, "height", 1080));
        assertEquals("unsupportedDimensions", wrong.get("code"));
        assertEquals(List.of("1280x720", "720x720", "720x1280"), wrong.get("allowedValues"));
        assertEquals(List.of("missingParameter"), codes(videoTask("model", "klingai:5@1", "width", 1280)));
        assertEquals(200, runware(videoTask("model", "klingai:5@2", "width", 1080, "height", 1920)).code());
    }

    @Test
    void imageToVideoOnlyModelsNeedFrameImages() throws Exception {
        assertEquals(List.of("unsupportedWorkflow"), codes(videoTask("model", "klingai:5@1", "inputs", null)));
    }

    @Test
    void textToVideoNeedsAPrompt() throws Exception {
        assertEquals(List.of("invalidPositivePrompt"),
                codes(videoTask("model", "klingai:6@1", "inputs", null, "positivePrompt", null)));
        assertEquals(200, runware(videoTask("positivePrompt", null)).code(), "6@0 i2v: prompt optional");
    }

    @Test
    void promptLengthsAreChecked() throws Exception {
        assertEquals(List.of("invalidPositivePrompt"), codes(videoTask("positivePrompt", "x")));
        assertEquals(List.of("invalidPositivePrompt"), codes(videoTask("positivePrompt", "x".repeat(2501))));
        assertEquals(List.of("invalidNegativePrompt"), codes(videoTask("negativePrompt", "y")));
    }

    @Test
    void lastFrameOnlyWhereTheSeedsAllowIt() throws Exception {
        Object firstAndLast = Map.of("frameImages", List.of(Map.of("image", IMAGE, "frame", "first"),
                Map.of("image", IMAGE, "frame", "last")));
        assertEquals(List.of("unsupportedFrameImages", "unsupportedFrameImages"),
                codes(videoTask("inputs", firstAndLast)));
        assertEquals(200, runware(videoTask("model", "klingai:5@2", "inputs", firstAndLast)).code());
        assertEquals(200, runware(videoTask("model", "klingai:6@1", "inputs", firstAndLast)).code());
        Object byIndex = Map.of("frameImages", List.of(Map.of("image", IMAGE, "frame", 0),
                Map.of("image", IMAGE, "frame", -1)));
        assertEquals(200, runware(videoTask("model", "klingai:6@1", "inputs", byIndex)).code());
    }

    @Test
    void olderTopLevelFrameImagesAndEveryImageFormAreAccepted() throws Exception {
        for (String image : List.of("c64351d5-4c59-42f7-95e1-eace013eddab", IMAGE,
                "data:image/png;base64," + BASE64_PNG, BASE64_PNG)) {
            Map<String, Object> legacy = videoTask("inputs", null,
                    "frameImages", List.of(Map.of("inputImage", image, "frame", "first")));
            assertEquals(200, runware(legacy).code(), image);
            Map<String, Object> plain = videoTask("inputs", Map.of("frameImages", List.of(image)));
            assertEquals(200, runware(plain).code(), image);
        }
        assertEquals(List.of("invalidFrameImages"),
                codes(videoTask("inputs", Map.of("frameImages", List.of("not an image")))));
    }

    @Test
    void everyViolationOfATaskIsReported() throws Exception {
        Map<String, Object> task = videoTask("duration", 6, "CFGScale", 1.5, "numberResults", 5,
                "outputFormat", "GIF", "outputQuality", 10, "deliveryMethod", "sync", "negativePrompt", "n");
        assertEquals(List.of("unsupportedDeliveryMethod", "invalidNegativePrompt", "unsupportedDuration",
                "invalidCFGScale", "invalidNumberResults", "invalidOutputQuality", "unsupportedOutputFormat"),
                codes(task));
        assertEquals(0, emu.stats().billableJobs("runware"));
    }

    @Test
    void validOutputOptionsAreAccepted() throws Exception {
        assertEquals(200, runware(videoTask("outputFormat", "WEBM", "outputQuality", 20,
                "deliveryMethod", "async", "CFGScale", 0, "numberResults", 4, "duration", 10)).code());
    }

    @Test
    void invalidTaskInABatchDoesNotStopTheValidOne() throws Exception {
        Map<String, Object> good = videoTask();
        TestHttp.Result result = runware(good, videoTask("duration", 3));
        assertEquals(200, result.code());
        assertEquals(good.get("taskUUID"), result.at("data", 0, "taskUUID"));
        assertEquals("unsupportedDuration", result.at("errors", 0, "code"));
    }
}
