package dev.videogen4j.emulator.internal.runware;

import java.util.Map;
import java.util.Set;

/**
 * Strictness about which fields a {@code videoInference} task may carry. A field Runware's video
 * API does not define at all is answered {@code unknownParameter}; a defined field the model's
 * page does not list is answered {@code unsupportedParameter} (both raw codes are classified as
 * validation errors by Runware's SDK: Runware/runware-python runware/errors.py, read 2026-12-01).
 * The same two rules apply to the keys under {@code inputs}. Message wording is the emulator's:
 * no source quotes Runware's.
 */
final class RunwareTaskFields {
    /**
     * Every top-level {@code videoInference} field of Runware's video API reference
     * (https://runware.ai/docs/en/video-inference/api-reference, crawl 2025-10-27; runware-api.md
     * §4–5), plus {@code resolution} from the current model pages (e.g.
     * runware.ai/docs/models/bytedance-seedance-1-0-pro, read 2026-12-01).
     */
    static final Set<String> KNOWN = Set.of("taskType", "taskUUID", "model", "positivePrompt",
            "negativePrompt", "width", "height", "resolution", "duration", "fps", "seed", "CFGScale",
            "steps", "numberResults", "outputType", "outputFormat", "outputQuality", "ttl",
            "includeCost", "webhookURL", "deliveryMethod", "uploadEndpoint", "inputs", "frameImages",
            "referenceImages", "providerSettings", "safety");

    /**
     * Keys under {@code inputs} (runware-api.md §4: model pages and runware-python IVideoInputs; referenceVoices from
     * the KlingAI provider text's Kling VIDEO 2.6 Pro section, read 2026-12-02).
     */
    static final Set<String> KNOWN_INPUTS = Set.of("frameImages", "referenceImages", "referenceVideos",
            "referenceAudios", "referenceVoices", "video", "audio", "mask", "elements");

    private RunwareTaskFields() {}

    /** Reports every field of {@code task} that is unknown or that {@code model} does not take. */
    static void check(Map<String, Object> task, RunwareModel model, RunwareFrameImages.ErrorSink sink) {
        for (String field : task.keySet()) {
            report(field, field, KNOWN, model == null ? KNOWN : model.fields(), model, sink);
        }
        if (task.get("inputs") instanceof Map<?, ?> inputs) {
            for (Object key : inputs.keySet()) {
                String name = String.valueOf(key);
                report(name, "inputs." + name, KNOWN_INPUTS,
                        model == null ? KNOWN_INPUTS : model.inputs(), model, sink);
            }
        }
    }

    private static void report(String field, String parameter, Set<String> known, Set<String> supported,
            RunwareModel model, RunwareFrameImages.ErrorSink sink) {
        if (!known.contains(field)) {
            sink.add("unknownParameter", "Unknown parameter '" + parameter + "'.", parameter, null);
        } else if (!supported.contains(field)) {
            sink.add("unsupportedParameter", "The parameter '" + parameter + "' is not supported by "
                    + model.air() + ".", parameter, null);
        }
    }
}
