package dev.videogen4j.emulator.internal.runware;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's own table of the twelve Kling models on Runware. Source: seed 002 (KlingAI
 * provider page, workflows, dimensions, fps, frame images), overridden where the newer per-model
 * pages say otherwise: seed 001 ({@code klingai:6@1} takes first and last frames, $0.07/s), seed
 * 000 ({@code klingai:6@0} $0.042/s, no width/height), seed 004 ({@code klingai:5@1} $0.037/s).
 * Other prices are undocumented.
 *
 * <p>positivePrompt is required for text-to-video only. Seed 001 marks it required for {@code
 * klingai:6@1} in general, but seed 002's image-to-video example for that model sends none; the
 * emulator accepts that example rather than reject a documented request.
 */
public final class RunwareModels {
    static final List<String> P720 = List.of("1280x720", "720x720", "720x1280");
    static final List<String> P1080 = List.of("1920x1080", "1080x1080", "1080x1920");

    /**
     * What the KlingAI pages list for every Kling model: prompts, size, duration, CFG scale, seed,
     * delivery/output options and first/last frame images (seed 002 KlingAI provider page; current
     * pages runware.ai/docs/models/klingai-*, read 2026-12-01). Not listed, so refused as
     * {@code unsupportedParameter}: {@code fps} and {@code steps} (fixed by the model),
     * {@code resolution}, {@code referenceImages}, and inputs other than {@code frameImages}.
     */
    static final Set<String> KLING_FIELDS = Set.of("taskType", "taskUUID", "model", "positivePrompt",
            "negativePrompt", "width", "height", "duration", "CFGScale", "seed", "numberResults",
            "outputType", "outputFormat", "outputQuality", "ttl", "includeCost", "webhookURL",
            "deliveryMethod", "uploadEndpoint", "inputs", "frameImages", "providerSettings", "safety");
    static final Set<String> KLING_INPUTS = Set.of("frameImages");

    private static final Map<String, RunwareModel> MODELS = new LinkedHashMap<>();

    static {
        add("klingai:1@1", true, P720, false, 30, null);      // KlingAI 1.0 Standard
        add("klingai:1@2", true, P720, false, 30, null);      // KlingAI 1.0 Pro
        add("klingai:2@1", false, P720, false, 30, null);     // KlingAI 1.5 Standard (I2V only)
        add("klingai:2@2", false, P1080, false, 30, null);    // KlingAI 1.5 Pro (I2V only)
        add("klingai:3@1", true, P720, false, 30, null);      // KlingAI 1.6 Standard (24 fps I2V)
        add("klingai:3@2", false, P1080, false, 24, null);    // KlingAI 1.6 Pro (I2V only)
        add("klingai:4@3", true, P720, false, 24, null);      // KlingAI 2.0 Master
        add("klingai:5@1", false, P720, false, 24, "0.037");  // KlingAI 2.1 Standard (I2V only)
        add("klingai:5@2", false, P1080, true, 24, null);     // KlingAI 2.1 Pro (I2V, first+last)
        add("klingai:5@3", true, P1080, false, 24, null);     // KlingAI 2.1 Master
        add("klingai:6@0", false, List.of(), false, 30, "0.042"); // 2.5 Turbo Standard, size from image
        add("klingai:6@1", true, P720, true, 30, "0.07");     // 2.5 Turbo Pro (first+last: seed 001)
        RunwareNewModels.register(m -> MODELS.put(m.air(), m));
        RunwareNewModels.registerLater(m -> MODELS.put(m.air(), m));
    }

    private RunwareModels() {}

    private static void add(String air, boolean textToVideo, List<String> dimensions,
            boolean lastFrame, int fps, String price) {
        MODELS.put(air, new RunwareModel(air, textToVideo, dimensions, lastFrame, fps,
                price == null ? null : new BigDecimal(price), null, KLING_FIELDS, KLING_INPUTS));
    }

    /** The model with AIR id {@code air}, or null when the emulator does not know it. */
    public static RunwareModel find(String air) {
        return MODELS.get(air);
    }

    public static Iterable<String> ids() {
        return MODELS.keySet();
    }
}
