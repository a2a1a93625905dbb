package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a task for one of the newer Runware models against its {@link RunwareRules} — duration, size and
 * resolution, how frame images and a size combine, {@code providerSettings} keys — and prices it. Error codes follow
 * the same patterns as the Kling checks ({@code unsupportedDuration}, {@code unsupportedDimensions},
 * {@code unsupportedParameter}, {@code conflictingParameters}, {@code missingParameter}); wording is the emulator's.
 */
final class RunwareRulesCheck {
    /** The duration and price of a valid task. */
    record Outcome(int durationSeconds, BigDecimal price) {}

    private RunwareRulesCheck() {}

    static Outcome check(Map<String, Object> task, RunwareModel model, boolean imageToVideo,
            RunwareFrameImages.ErrorSink sink) {
        RunwareRules rules = model.rules();
        String size = size(task, rules, model, sink);
        Object resolution = task.get("resolution");
        if (resolution != null && !rules.sizes().containsKey(resolution)) {
            sink.add("unsupportedResolution", "resolution must be one of " + rules.sizes().keySet() + ".", "resolution",
                    List.copyOf(rules.sizes().keySet()));
        }
        if (resolution != null && size != null) {
            sink.add("conflictingParameters", "resolution cannot be used with width/height.", "resolution", null);
        }
        switch (rules.sizeRule()) {
            case FRAMES_XOR_SIZE -> {
                if (imageToVideo == (size != null)) {
                    sink.add(imageToVideo ? "conflictingParameters" : "missingParameter",
                            "Provide exactly one of: inputs.frameImages or width/height.", "width", null);
                }
            }
            case FRAMES_OR_SIZE_OR_RESOLUTION -> {
                if (!imageToVideo && size == null && resolution == null) {
                    sink.add("missingParameter", "Either provide inputs.frameImages, or specify width/height or "
                            + "resolution.", "width", null);
                }
            }
            default -> { }
        }
        settings(task.get("providerSettings"), rules, model, sink);
        int duration = duration(task.get("duration"), size, rules, sink);
        String cls = size != null ? rules.classOf(size) : resolution instanceof String r ? r
                : rules.sizes().keySet().iterator().next();
        return new Outcome(duration, rules.price(cls, audio(task.get("providerSettings")), duration));
    }

    private static String size(Map<String, Object> task, RunwareRules rules, RunwareModel model,
            RunwareFrameImages.ErrorSink sink) {
        Object width = task.get("width");
        Object height = task.get("height");
        if (width == null && height == null) return null;
        if (width == null || height == null) {
            sink.add("missingParameter", "width and height must be used together.", width == null ? "width" : "height", null);
            return null;
        }
        String size = Json.isInteger(width) && Json.isInteger(height)
                ? ((Double) width).longValue() + "x" + ((Double) height).longValue() : null;
        if (size == null || !rules.allSizes().contains(size)) {
            sink.add("unsupportedDimensions", "Unsupported dimensions " + width + "x" + height + " for " + model.air()
                    + ".", "width", List.copyOf(rules.allSizes()));
            return null;
        }
        return size;
    }

    private static int duration(Object value, String size, RunwareRules rules, RunwareFrameImages.ErrorSink sink) {
        List<Integer> allowed = size != null && rules.durationsBySize().containsKey(size)
                ? rules.durationsBySize().get(size) : rules.durations();
        if (value == null) return allowed.get(0);
        if (value instanceof Double d && d == Math.rint(d) && allowed.contains(d.intValue())) return d.intValue();
        sink.add("unsupportedDuration", "Invalid value for duration parameter. This duration is not supported by "
                + "the model architecture.", "duration", List.copyOf(allowed));
        return allowed.get(0);
    }

    private static void settings(Object value, RunwareRules rules, RunwareModel model, RunwareFrameImages.ErrorSink sink) {
        if (!(value instanceof Map<?, ?> settings)) return;
        settings.forEach((vendor, inner) -> {
            Set<String> allowed = rules.providerSettings().get(String.valueOf(vendor));
            if (allowed == null) {
                sink.add("unsupportedParameter", "The parameter 'providerSettings." + vendor + "' is not supported by "
                        + model.air() + ".", "providerSettings." + vendor, null);
            } else if (inner instanceof Map<?, ?> keys) {
                keys.keySet().stream().map(String::valueOf).filter(k -> !allowed.contains(k)).forEach(k ->
                        sink.add("unsupportedParameter", "The parameter 'providerSettings." + vendor + "." + k
                                + "' is not supported by " + model.air() + ".", "providerSettings." + vendor + "." + k, null));
            }
        });
    }

    // Audio is asked for through the vendor's setting (google.generateAudio, alibaba.audio).
    private static boolean audio(Object value) {
        if (!(value instanceof Map<?, ?> settings)) return false;
        return settings.values().stream().filter(v -> v instanceof Map<?, ?>).map(v -> (Map<?, ?>) v)
                .anyMatch(m -> Boolean.TRUE.equals(m.get("generateAudio")) || Boolean.TRUE.equals(m.get("audio")));
    }
}
