package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** The delivery and output options every video task shares. */
record RunwareTaskOptions(int numberResults, boolean includeCost, String webhookURL, Long seed,
        String outputFormat) {
    private static final List<Object> FORMATS = List.of("MP4", "WEBM", "MOV");

    /** Checks the options of {@code task}, reporting problems to {@code sink}. */
    static RunwareTaskOptions check(Map<String, Object> task, RunwareFrameImages.ErrorSink sink) {
        Object cfg = task.get("CFGScale");
        if (cfg != null && !(cfg instanceof Double d && d >= 0 && d <= 1)) {
            sink.add("invalidCFGScale", "CFGScale must be a number from 0 to 1.", "CFGScale", null);
        }
        int results = integerIn(task.get("numberResults"), 1, 4, 1, "invalidNumberResults",
                "numberResults must be an integer from 1 to 4.", "numberResults", sink);
        integerIn(task.get("outputQuality"), 20, 99, 95, "invalidOutputQuality",
                "outputQuality must be an integer from 20 to 99.", "outputQuality", sink);
        integerIn(task.get("ttl"), 60, Integer.MAX_VALUE, 60, "invalidTtl",
                "ttl must be an integer of at least 60 seconds.", "ttl", sink);
        if (task.containsKey("outputType") && !"URL".equals(task.get("outputType"))) {
            sink.add("unsupportedOutputType", "Video output is URL only.", "outputType", List.of("URL"));
        }
        Object format = task.getOrDefault("outputFormat", "MP4");
        if (!FORMATS.contains(format)) {
            sink.add("unsupportedOutputFormat", "outputFormat must be MP4, WEBM or MOV.",
                    "outputFormat", FORMATS);
        }
        Object includeCost = task.getOrDefault("includeCost", Boolean.FALSE);
        if (!(includeCost instanceof Boolean)) {
            sink.add("invalidIncludeCost", "includeCost must be a boolean.", "includeCost", null);
        }
        Object webhook = task.get("webhookURL");
        if (webhook != null && !(webhook instanceof String url && isHttpUrl(url))) {
            sink.add("invalidWebhookURL", "webhookURL must be an http(s) URL.", "webhookURL", null);
        }
        Object seed = task.get("seed");
        if (seed != null && !(Json.isInteger(seed) && (Double) seed >= 0)) {
            sink.add("invalidSeed", "seed must be a non-negative integer.", "seed", null);
        }
        return new RunwareTaskOptions(results, Boolean.TRUE.equals(includeCost),
                webhook instanceof String url ? url : null,
                Json.isInteger(seed) ? ((Double) seed).longValue() : null,
                format instanceof String f ? f : "MP4");
    }

    private static boolean isHttpUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed != null;
    }

    private static int integerIn(Object value, int min, int max, int fallback, String code,
            String message, String parameter, RunwareFrameImages.ErrorSink sink) {
        if (value == null) {
            return fallback;
        }
        if (Json.isInteger(value) && (Double) value >= min && (Double) value <= max) {
            return ((Double) value).intValue();
        }
        sink.add(code, message, parameter, null);
        return fallback;
    }
}
