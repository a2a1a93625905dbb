package dev.videogen4j.runware.internal;

import dev.videogen4j.error.Violation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges a request's provider options into a Runware task without overriding anything silently; see
 * {@link RunwareRequestMapper} for the rules.
 *
 * <pre>{@code
 * RunwareOptions.merge(task, Map.of("ttl", 3600, "safety", Map.of("checkContent", true)), Set.of("taskUUID"), problems);
 * }</pre>
 */
final class RunwareOptions {
    // Fields that decide what a job costs. Set through an option they would bypass validation and the quote
    // (numberResults 2 bills twice what was quoted), so only the request's own fields may set them.
    private static final Map<String, String> BILLED_FIELDS = Map.of("model", "model", "duration", "durationSeconds",
            "numberResults", "numberResults", "width", "size(width, height)", "height", "size(width, height)");

    private RunwareOptions() {
    }

    static void merge(Map<String, Object> task, Map<String, Object> options, Set<String> reserved, List<Violation> problems) {
        // Sorted: the request records hold options in a Map.copyOf, whose iteration order changes from one JVM
        // run to the next; sorting keeps the wire order and the order of reported conflicts reproducible.
        for (Map.Entry<String, Object> e : new TreeMap<>(options).entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            String field = "providerOptions." + key;
            if (!isJson(value)) {
                problems.add(new Violation(field, RunwareErrorMapper.render(value),
                        "JSON values only: null, String, Number, Boolean, Map<String, ?>, List"));
            } else if (reserved.contains(key)) {
                problems.add(new Violation(field, RunwareErrorMapper.render(value),
                        "nothing: the adapter sets " + key + " itself"));
            } else if (BILLED_FIELDS.containsKey(key) && !task.containsKey(key)) {
                problems.add(new Violation(field, RunwareErrorMapper.render(value), "nothing: set it with the request's "
                        + BILLED_FIELDS.get(key) + ", which is validated and quoted before sending"));
            } else if ("inputs".equals(key) && value instanceof Map && task.get("inputs") instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ours = (Map<String, Object>) task.get("inputs");
                ((Map<?, ?>) value).forEach((k, v) -> put(ours, String.valueOf(k), v, field + "." + k, problems));
            } else {
                put(task, key, value, field, problems);
            }
        }
    }

    private static void put(Map<String, Object> target, String key, Object value, String field, List<Violation> problems) {
        if (!target.containsKey(key)) {
            target.put(key, value);
        } else if (!sameJson(target.get(key), value)) {
            problems.add(new Violation(field, RunwareErrorMapper.render(value), "nothing different from "
                    + RunwareErrorMapper.render(target.get(key)) + ", already set from the request; set it in one place"));
        }
    }

    private static boolean sameJson(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    // Only what Moshi writes as plain JSON: anything else would be serialised reflectively, or fail inside
    // Retrofit after the request was half built.
    static boolean isJson(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) return true;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigDecimal) {
            return true;
        }
        if (v instanceof Double || v instanceof Float) {
            return Double.isFinite(((Number) v).doubleValue());
        }
        if (v instanceof Map) {
            return ((Map<?, ?>) v).entrySet().stream().allMatch(en -> en.getKey() instanceof String && isJson(en.getValue()));
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).stream().allMatch(RunwareOptions::isJson);
        }
        return false;
    }
}
