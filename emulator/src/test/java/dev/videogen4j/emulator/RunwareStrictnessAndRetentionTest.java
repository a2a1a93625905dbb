package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.emulator.internal.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runware answers fields it does not know ({@code unknownParameter}) or that the model does not
 * take ({@code unsupportedParameter}); finished tasks leave {@code getResponse} after the retention
 * but stay readable through {@code getTaskDetails} (runware.ai/docs/platform/task-details).
 */
class RunwareStrictnessAndRetentionTest extends EmulatorTestBase {
    @Override
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder.timing(Duration.ZERO, Duration.ofSeconds(10)).runwareRetention(Duration.ofMinutes(5));
    }

    private Map<?, ?> onlyError(Map<String, Object> task) throws Exception {
        TestHttp.Result result = runware(task);
        assertEquals(400, result.code(), result.body());
        assertEquals(1, ((List<?>) result.at("errors")).size(), result.body());
        return (Map<?, ?>) result.at("errors", 0);
    }

    @Test
    void aMisspelledFieldIsAnUnknownParameter() throws Exception {
        Map<String, Object> task = videoTask("negativPrompt", "blur");
        Map<?, ?> error = onlyError(task);
        assertEquals("unknownParameter", error.get("code"));
        assertEquals("negativPrompt", error.get("parameter"));
        assertEquals(task.get("taskUUID"), error.get("taskUUID"));
        assertEquals("Unknown parameter 'negativPrompt'.", error.get("message"));
    }

    @Test
    void aDocumentedFieldTheKlingPagesDoNotListIsUnsupported() throws Exception {
        Map<?, ?> error = onlyError(videoTask("fps", 24));
        assertEquals("unsupportedParameter", error.get("code"));
        assertEquals("fps", error.get("parameter"));
        assertEquals("The parameter 'fps' is not supported by klingai:6@0.", error.get("message"));
    }

    @Test
    void inputsKeysAreCheckedToo() throws Exception {
        Map<String, Object> frames = Map.of("frameImages", List.of(Map.of("image", IMAGE)));
        Map<String, Object> withVideo = new java.util.LinkedHashMap<>(frames);
        withVideo.put("referenceVideos", List.of("https://example.com/v.mp4"));
        assertEquals("inputs.referenceVideos", onlyError(videoTask("inputs", withVideo)).get("parameter"));
        Map<String, Object> typo = new java.util.LinkedHashMap<>(frames);
        typo.put("frameImage", List.of(IMAGE));
        assertEquals("unknownParameter", onlyError(videoTask("inputs", typo)).get("code"));
    }

    @Test
    void afterTheRetentionGetResponseLosesTheTaskButGetTaskDetailsStillHasIt() throws Exception {
        Map<String, Object> task = videoTask("numberResults", 2, "includeCost", true);
        String uuid = (String) task.get("taskUUID");
        assertEquals(200, runware(task).code());
        advance(10 + 299);
        assertEquals("success", runware(poll(uuid)).at("data", 1, "status"));
        advance(1);

        TestHttp.Result late = runware(poll(uuid));
        assertEquals(200, late.code());
        assertEquals("taskFailedOrNotFound", late.at("errors", 0, "code"));

        TestHttp.Result details = runware(Json.object("taskType", "getTaskDetails", "taskUUID", uuid));
        assertEquals(200, details.code(), details.body());
        assertEquals("getTaskDetails", details.at("data", 0, "taskType"));
        assertEquals(uuid, details.at("data", 0, "taskUUID"));
        assertEquals(List.of(Json.parse(Json.write(task))), details.at("data", 0, "request"));
        List<?> items = (List<?>) details.at("data", 0, "response", "data");
        assertEquals(2, items.size());
        assertEquals("success", ((Map<?, ?>) items.get(0)).get("status"));
        assertEquals("videoInference", ((Map<?, ?>) items.get(0)).get("taskType"));
    }

    @Test
    void getTaskDetailsOfAFailedTaskCarriesItsErrorsAndOfAnUnknownOneIsNotFound() throws Exception {
        Map<String, Object> task = videoTask("positivePrompt", "boom [emulator:fail]");
        runware(task);
        advance(11);
        TestHttp.Result details = runware(Json.object("taskType", "getTaskDetails", "taskUUID", task.get("taskUUID")));
        assertEquals("timeoutProvider", details.at("data", 0, "response", "errors", 0, "code"));
        TestHttp.Result unknown = runware(Json.object("taskType", "getTaskDetails",
                "taskUUID", "5f0d7c4e-8a55-4e8f-9a57-2d1b8f3c9a10"));
        assertEquals("taskFailedOrNotFound", unknown.at("errors", 0, "code"));
    }
}
