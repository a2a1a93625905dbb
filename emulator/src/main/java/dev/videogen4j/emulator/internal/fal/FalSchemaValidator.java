package dev.videogen4j.emulator.internal.fal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an input against a {@link FalSchema} and lists every violation in fal's model error form, like
 * {@link FalInputValidator} does for the Kling endpoints (same error shapes: {@code missing}, {@code string_type},
 * {@code one_of}, {@code bool_type}, {@code int_type}, {@code feature_not_supported}), plus {@code string_too_long}
 * where the schema states a maximum length.
 */
final class FalSchemaValidator {
    private FalSchemaValidator() {}

    static List<Map<String, Object>> validate(Object body, FalModel model, FalSchema schema) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!(body instanceof Map<?, ?> input)) {
            errors.add(FalInputValidator.error(List.of("body"), "Input should be a valid dictionary",
                    "model_attributes_type", null, body));
            return errors;
        }
        string(input, "prompt", true, schema, errors);
        if (schema.imageField() != null) {
            string(input, schema.imageField(), true, schema, errors);
        }
        for (String image : List.of("image_url", "start_image_url", "end_image_url", "tail_image_url")) {
            if (input.containsKey(image) && !image.equals(schema.imageField()) && !image.equals(schema.endImageField())) {
                errors.add(FalInputValidator.error(List.of("body", image), image + " is not supported by "
                        + model.endpointId(), "feature_not_supported", null, input.get(image)));
            }
        }
        schema.oneOf().forEach((field, allowed) -> {
            Object v = input.get(field);
            if (v != null && !allowed.contains(v)) {
                errors.add(FalInputValidator.error(List.of("body", field), "Input should be " + describe(allowed),
                        "one_of", Map.of("expected", allowed), v));
            }
        });
        for (String field : schema.booleans()) {
            Object v = input.get(field);
            if (v != null && !(v instanceof Boolean)) {
                errors.add(FalInputValidator.error(List.of("body", field), "Input should be a valid boolean",
                        "bool_type", null, v));
            }
        }
        for (String field : schema.integers()) {
            Object v = input.get(field);
            if (v != null && !(v instanceof Double d && d == Math.rint(d))) {
                errors.add(FalInputValidator.error(List.of("body", field), "Input should be a valid integer",
                        "int_type", null, v));
            }
        }
        schema.strings().forEach(field -> string(input, field, false, schema, errors));
        Object cfg = input.get("cfg_scale");
        if (cfg != null && (!schema.cfgScale() || !(cfg instanceof Double d && d >= 0 && d <= 1))) {
            errors.add(FalInputValidator.error(List.of("body", "cfg_scale"), schema.cfgScale()
                    ? "Input should be a number from 0 to 1" : "cfg_scale is not supported by " + model.endpointId(),
                    schema.cfgScale() ? "less_than_equal" : "feature_not_supported", null, cfg));
        }
        return errors;
    }

    private static void string(Map<?, ?> input, String field, boolean required, FalSchema schema,
            List<Map<String, Object>> errors) {
        Object v = input.get(field);
        Integer max = schema.maxLengths().get(field);
        if (v == null && required) {
            errors.add(FalInputValidator.error(List.of("body", field), "Field required", "missing", null, null));
        } else if (v != null && !(v instanceof String)) {
            errors.add(FalInputValidator.error(List.of("body", field), "Input should be a valid string", "string_type",
                    null, v));
        } else if (v != null && max != null && ((String) v).length() > max) {
            // pydantic's wording, which fal's 422 detail carries
            errors.add(FalInputValidator.error(List.of("body", field), "String should have at most " + max
                    + " characters", "string_too_long", Map.<String, Object>of("max_length", max), v));
        }
    }

    private static String describe(List<String> allowed) {
        List<String> quoted = allowed.stream().map(v -> "'" + v + "'").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
