package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * One entry of Runware's {@code errors[]} array (runware-api.md §1): {@code code, message,
 * parameter, taskType, taskUUID, documentation}, plus {@code type}/{@code allowedValues} where the
 * docs' examples show them.
 *
 * @param clientError true when the request itself was wrong; decides HTTP 400 versus 200
 */
record RunwareError(Map<String, Object> json, boolean clientError) {
    static final String DOCS = "https://runware.ai/docs/en/video-inference/api-reference";

    /** A validation error of a task, linked to the parameter's anchor in the API reference. */
    static RunwareError invalid(String code, String message, String parameter, String taskType,
            String taskUUID) {
        return invalid(code, message, parameter, taskType, taskUUID, null);
    }

    static RunwareError invalid(String code, String message, String parameter, String taskType,
            String taskUUID, List<?> allowedValues) {
        String anchor = parameter == null ? "" : "#request-" + parameter.replace('.', '-').toLowerCase();
        return new RunwareError(Json.object("code", code, "message", message, "parameter", parameter,
                "taskType", taskType, "taskUUID", taskUUID, "documentation", DOCS + anchor,
                "allowedValues", allowedValues), true);
    }

    /** An error about a job rather than the request (a failed generation, an unknown task). */
    static RunwareError job(Map<String, Object> json) {
        return new RunwareError(json, false);
    }
}
