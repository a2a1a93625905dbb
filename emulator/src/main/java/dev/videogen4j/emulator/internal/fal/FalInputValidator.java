package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a Kling input against its endpoint schema and lists every violation in fal's model
 * error form {@code {loc, msg, type, url, ctx?, input?}} (fal-api.md §2). Unknown fields are
 * ignored like fal does, except {@code tail_image_url}/{@code aspect_ratio} on endpoints whose
 * schema lacks them: those are rejected ({@code feature_not_supported}) because silently dropping
 * an end frame is exactly the adapter bug this emulator exists to catch.
 */
final class FalInputValidator {
    static final String CONTENT_POLICY_TOKEN = "[emulator:content-policy]";
    private static final List<String> DURATIONS = List.of("5", "10");
    private static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");

    private FalInputValidator() {}

    static List<Map<String, Object>> validate(Object body, FalModel model) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!(body instanceof Map<?, ?> input)) {
            errors.add(error(List.of("body"), "Input should be a valid dictionary",
                    "model_attributes_type", null, body));
            return errors;
        }
        requireString(input, "prompt", errors);
        if (model.imageToVideo()) {
            requireString(input, "image_url", errors);
            checkFileUrl(input.get("image_url"), "image_url", errors);
        }
        oneOf(input.get("duration"), "duration", DURATIONS, errors);
        if (input.containsKey("aspect_ratio")) {
            if (model.aspectRatio()) {
                oneOf(input.get("aspect_ratio"), "aspect_ratio", ASPECT_RATIOS, errors);
            } else {
                notSupported("aspect_ratio", model, input.get("aspect_ratio"), errors);
            }
        }
        if (input.containsKey("tail_image_url")) {
            if (model.tailImage()) {
                checkFileUrl(input.get("tail_image_url"), "tail_image_url", errors);
            } else {
                notSupported("tail_image_url", model, input.get("tail_image_url"), errors);
            }
        }
        if (input.containsKey("negative_prompt") && !(input.get("negative_prompt") instanceof String)) {
            errors.add(error(loc("negative_prompt"), "Input should be a valid string", "string_type",
                    null, input.get("negative_prompt")));
        }
        checkCfgScale(input.get("cfg_scale"), errors);
        return errors;
    }

    /** The content-policy error for a prompt carrying the scripting token, else null. */
    static Map<String, Object> contentPolicy(Object body) {
        Object prompt = body instanceof Map<?, ?> input ? input.get("prompt") : null;
        if (prompt instanceof String text && text.contains(CONTENT_POLICY_TOKEN)) {
            return error(loc("prompt"), "The content could not be processed because it contained "
                    + "material flagged by a content checker.", "content_policy_violation", null, text);
        }
        return null;
    }

    private static void requireString(Map<?, ?> input, String field, List<Map<String, Object>> errors) {
        Object value = input.get(field);
        if (value == null) {
            errors.add(error(loc(field), "Field required", "missing", null, null));
        } else if (!(value instanceof String)) {
            errors.add(error(loc(field), "Input should be a valid string", "string_type", null, value));
        }
    }

    private static void checkFileUrl(Object value, String field, List<Map<String, Object>> errors) {
        if (value instanceof String url && !(url.startsWith("http://") || url.startsWith("https://")
                || url.startsWith("data:"))) {
            errors.add(error(loc(field), "Failed to download the file. Please check if the URL is "
                    + "accessible.", "file_download_error", null, url));
        }
    }

    private static void oneOf(Object value, String field, List<String> allowed,
            List<Map<String, Object>> errors) {
        if (value != null && !allowed.contains(value)) {
            errors.add(error(loc(field), "Input should be " + describe(allowed), "one_of",
                    Map.of("expected", allowed), value));
        }
    }

    private static void notSupported(String field, FalModel model, Object value,
            List<Map<String, Object>> errors) {
        errors.add(error(loc(field), field + " is not supported by " + model.endpointId(),
                "feature_not_supported", null, value));
    }

    private static void checkCfgScale(Object value, List<Map<String, Object>> errors) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Double number)) {
            errors.add(error(loc("cfg_scale"), "Input should be a valid number", "float_type", null, value));
        } else if (number < 0) {
            errors.add(error(loc("cfg_scale"), "Input should be greater than or equal to 0",
                    "greater_than_equal", Map.of("ge", 0), value));
        } else if (number > 1) {
            errors.add(error(loc("cfg_scale"), "Input should be less than or equal to 1",
                    "less_than_equal", Map.of("le", 1), value));
        }
    }

    private static String describe(List<String> allowed) {
        List<String> quoted = allowed.stream().map(v -> "'" + v + "'").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    private static List<Object> loc(String field) {
        return List.of("body", field);
    }

    static Map<String, Object> error(List<Object> loc, String msg, String type,
            Map<String, Object> ctx, Object input) {
        return Json.object("loc", loc, "msg", msg, "type", type,
                "url", "https://docs.fal.ai/errors/#" + type, "ctx", ctx, "input", input);
    }
}
