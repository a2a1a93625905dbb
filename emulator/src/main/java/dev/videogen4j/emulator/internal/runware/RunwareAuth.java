package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import java.util.List;
import java.util.Map;

/**
 * Runware accepts the key either as {@code Authorization: Bearer <key>} or as an {@code
 * authentication} task at the start of the array (runware-api.md §1). Either valid key is enough.
 */
final class RunwareAuth {
    private final String apiKey;

    RunwareAuth(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Null when authenticated, else the documented {@code missingApiKey}/{@code invalidApiKey}. */
    RunwareError check(String authorization, List<?> tasks) {
        String headerKey = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String taskKey = null;
        if (tasks.get(0) instanceof Map<?, ?> first && "authentication".equals(first.get("taskType"))) {
            taskKey = first.get("apiKey") instanceof String key ? key : "";
        }
        if (apiKey.equals(headerKey) || apiKey.equals(taskKey)) {
            return null;
        }
        boolean missing = (headerKey == null || headerKey.isEmpty()) && (taskKey == null || taskKey.isEmpty())
                && authorization == null;
        return RunwareError.job(Json.object("code", missing ? "missingApiKey" : "invalidApiKey",
                "message", missing ? "Missing API key. Get one at https://my.runware.ai/signup"
                        : "Invalid API key. Get one at https://my.runware.ai/signup",
                "parameter", "apiKey", "taskType", "authentication"));
    }
}
