package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.emulator.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both authentication styles and the request-envelope errors of runware-api.md §1. */
class RunwareAuthTest extends EmulatorTestBase {

    @Test
    void bearerHeaderAuthenticates() throws Exception {
        assertEquals(200, runware(videoTask()).code());
    }

    @Test
    void leadingAuthenticationTaskAuthenticates() throws Exception {
        Map<String, Object> task = videoTask();
        String body = Json.writeString(List.of(Map.of("taskType", "authentication",
                "apiKey", ProviderEmulator.DEFAULT_RUNWARE_KEY), task));
        TestHttp.Result result = http.post(emu.runwareBaseUrl(), body);
        assertEquals(200, result.code(), result.body());
        assertEquals(List.of(Map.of("taskType", "videoInference", "taskUUID", task.get("taskUUID"))),
                result.at("data"));
    }

    @Test
    void wrongKeyIsTheDocumentedInvalidApiKey() throws Exception {
        TestHttp.Result result = http.post(emu.runwareBaseUrl(), Json.writeString(List.of(videoTask())),
                "Authorization", "Bearer nope");
        assertEquals(401, result.code());
        assertEquals(Map.of("errors", List.of(Map.of("code", "invalidApiKey",
                "message", "Invalid API key. Get one at https://my.runware.ai/signup",
                "parameter", "apiKey", "taskType", "authentication"))), result.json());
        String viaTask = Json.writeString(List.of(Map.of("taskType", "authentication", "apiKey", "bad"),
                videoTask()));
        assertEquals("invalidApiKey", http.post(emu.runwareBaseUrl(), viaTask).at("errors", 0, "code"));
    }

    @Test
    void absentKeyIsMissingApiKey() throws Exception {
        TestHttp.Result result = http.post(emu.runwareBaseUrl(), Json.writeString(List.of(videoTask())));
        assertEquals(401, result.code());
        assertEquals("missingApiKey", result.at("errors", 0, "code"));
        assertEquals(0, emu.stats().jobsSubmitted("runware"));
    }

    @Test
    void customKeyReplacesTheDefault() throws Exception {
        try (ProviderEmulator custom = ProviderEmulator.builder().runwareApiKey("k1").start()) {
            String body = Json.writeString(List.of(videoTask()));
            assertEquals(200, http.post(custom.runwareBaseUrl(), body, "Authorization", "Bearer k1").code());
            assertEquals(401, http.post(custom.runwareBaseUrl(), body, "Authorization",
                    "Bearer " + ProviderEmulator.DEFAULT_RUNWARE_KEY).code());
        }
    }

    @Test
    void bodyThatIsNotAJsonArrayIsA400InTheErrorsShape() throws Exception {
        for (String body : List.of("{\"taskType\":\"videoInference\"}", "[{", "[]")) {
            TestHttp.Result result = http.post(emu.runwareBaseUrl(), body,
                    "Authorization", "Bearer " + ProviderEmulator.DEFAULT_RUNWARE_KEY);
            assertEquals(400, result.code(), body);
            assertEquals("invalidRequestBody", result.at("errors", 0, "code"), body);
        }
    }

    @Test
    void unknownTaskTypeIsReported() throws Exception {
        TestHttp.Result result = runware(Map.of("taskType", "imageInference",
                "taskUUID", "24cd5dff-cb81-4db5-8506-b72a9425f9d1"));
        assertEquals(400, result.code());
        assertEquals("unsupportedTaskType", result.at("errors", 0, "code"));
    }
}
