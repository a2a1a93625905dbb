package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.runware.RunwareRules.SizeRule;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The emulator's own transcription of the newer Runware model pages (runware.ai/docs/models/&lt;slug&gt;, stored copies
 * read 2026-12-01): Veo 3.1 Fast, Kling VIDEO 3.0 Standard and Pro, Seedance 1.5 Pro, MiniMax Hailuo 2.3, Wan2.6; and
 * (read 2026-12-02) Hailuo 2.3 Fast from its model page, Veo 3.1 and Kling VIDEO 2.6 Pro from the provider pages'
 * text, Seedance 2.0 from the one worked example Runware publishes for it (see {@link #registerLater}).
 * Where a page's excerpt did not show a field (durations, seed, negative prompt), the emulator takes the narrow
 * reading and refuses it, as Runware refuses what a model does not list.
 */
final class RunwareNewModels {
    /** Fields every newer page lists: the platform options plus prompt, size, duration and inputs. */
    private static final Set<String> BASE = Set.of("taskType", "taskUUID", "model", "positivePrompt", "width", "height",
            "duration", "numberResults", "outputType", "outputFormat", "outputQuality", "ttl", "includeCost",
            "webhookURL", "deliveryMethod", "uploadEndpoint", "inputs", "providerSettings", "safety");

    private RunwareNewModels() {}

    static void register(Consumer<RunwareModel> add) {
        // google-veo-3-1-fast: ID google:3@3; exactly one of frameImages or width/height; resolution not with
        // width/height; $0.1/s at 1080p, $0.15/s with audio; 4K 8 s $2.40 ($2.80 with audio); only 8 s priced.
        add.accept(model("google:3@3", 24, plus("resolution", "seed"), Set.of("frameImages", "referenceImages", "video"),
                new RunwareRules(List.of(8), RunwareRules.classes("720p", List.of("1280x720", "720x1280"),
                        "1080p", List.of("1920x1080", "1080x1920"), "4K", List.of("3840x2160", "2160x3840")),
                        SizeRule.FRAMES_XOR_SIZE, Map.of("google", Set.of("generateAudio", "enhancePrompt", "resizeMode")),
                        Map.of(), Map.of("1080p", new BigDecimal("0.10"), "1080p+audio", new BigDecimal("0.15"),
                        "4K", new BigDecimal("0.30"), "4K+audio", new BigDecimal("0.35")), Map.of())));
        // klingai-video-3-0-standard / -pro: exactly one of frameImages or width/height; $0.084/s (720p) and
        // $0.112/s (1080p) without audio, $0.126/s and $0.168/s with it; seed is a response field only.
        Set<String> klingInputs = Set.of("frameImages", "referenceImages", "referenceVideos", "elements");
        add.accept(model("klingai:kling-video@3-standard", 24, BASE, klingInputs, new RunwareRules(List.of(5),
                Map.of("720p", List.of("1280x720", "960x960", "720x1280")), SizeRule.FRAMES_XOR_SIZE,
                Map.of("klingai", Set.of("keepOriginalSound")), Map.of(), Map.of("720p", new BigDecimal("0.084"),
                "720p+audio", new BigDecimal("0.126")), Map.of())));
        add.accept(model("klingai:kling-video@3-pro", 24, BASE, klingInputs, new RunwareRules(List.of(5),
                Map.of("1080p", List.of("1920x1080", "1440x1440", "1080x1920")), SizeRule.FRAMES_XOR_SIZE,
                Map.of("klingai", Set.of("keepOriginalSound")), Map.of(), Map.of("1080p", new BigDecimal("0.112"),
                "1080p+audio", new BigDecimal("0.168")), Map.of())));
        // bytedance-seedance-1-5-pro: 480p/720p/1080p size tables; either frameImages, width/height or resolution;
        // 5 s: $0.06 at 480p, $0.13 at 720p (audio prices need a field the excerpt does not show).
        add.accept(model("bytedance:seedance@1.5-pro", 24, plus("resolution"), Set.of("frameImages", "audio"),
                new RunwareRules(List.of(5), RunwareRules.classes(
                        "480p", List.of("864x496", "752x560", "640x640", "560x752", "496x864", "992x432"),
                        "720p", List.of("1280x720", "1112x834", "960x960", "834x1112", "720x1280", "1470x630"),
                        "1080p", List.of("1920x1080", "1664x1248", "1440x1440", "1248x1664", "1080x1920")),
                        SizeRule.FRAMES_OR_SIZE_OR_RESOLUTION, Map.of("bytedance", Set.of("cameraFixed")), Map.of(),
                        Map.of(), Map.of("480p/5s", new BigDecimal("0.06"), "720p/5s", new BigDecimal("0.13")))));
        // minimax-hailuo-2-3: ID minimax:4@1; 1366x768 and 1920x1080; 6 or 10 s, 1920x1080 6 s only;
        // 768p 6 s $0.28, 10 s $0.56, 1080p 6 s $0.49; providerSettings.minimax.promptOptimizer; fps in the example.
        add.accept(model("minimax:4@1", 25, plus("fps"), Set.of("frameImages"), new RunwareRules(List.of(6, 10),
                RunwareRules.classes("768p", List.of("1366x768"), "1080p", List.of("1920x1080")), SizeRule.OPTIONAL,
                Map.of("minimax", Set.of("promptOptimizer")), Map.of("1920x1080", List.of(6)), Map.of(),
                Map.of("768p/6s", new BigDecimal("0.28"), "768p/10s", new BigDecimal("0.56"),
                        "1080p/6s", new BigDecimal("0.49")))));
        // alibaba-wan2-6: ID alibaba:wan@2.6; 5, 10 or 15 s; $0.10/s at 720p, $0.15/s at 1080p; either frameImages,
        // width/height or resolution; providerSettings.alibaba audio/promptExtend/shotType.
        add.accept(model("alibaba:wan@2.6", 24, plus("resolution"), Set.of("frameImages", "referenceVideos", "audio"),
                new RunwareRules(List.of(5, 10, 15), RunwareRules.classes(
                        "720p", List.of("1280x720", "720x1280", "960x960", "1088x832", "832x1088"),
                        "1080p", List.of("1920x1080", "1080x1920", "1440x1440", "1632x1248", "1248x1632")),
                        SizeRule.FRAMES_OR_SIZE_OR_RESOLUTION, Map.of("alibaba", Set.of("audio", "promptExtend", "shotType")),
                        Map.of(), Map.of("720p", new BigDecimal("0.10"), "1080p", new BigDecimal("0.15")), Map.of())));
    }

    /** The models added 2026-12-02, each from the text named beside it; fps 0 where no text states it. */
    static void registerLater(Consumer<RunwareModel> add) {
        // runware.ai/docs/en/providers/google, Veo 3.1: google:3@2, text/image-to-video, 1280x720, 720x1280, 1920x1080,
        // 1080x1920, 24 FPS, 8 s, first and last frame, providerSettings.google.generateAudio; no seed, no price.
        add.accept(new RunwareModel("google:3@2", true, List.of("1280x720", "720x1280", "1920x1080", "1080x1920"), true, 24,
                null, new RunwareRules(List.of(8), RunwareRules.classes("720p", List.of("1280x720", "720x1280"),
                        "1080p", List.of("1920x1080", "1080x1920")), SizeRule.OPTIONAL,
                        Map.of("google", Set.of("generateAudio", "enhancePrompt")), Map.of(), Map.of(), Map.of()),
                BASE, Set.of("frameImages", "referenceImages")));
        // Provider text, Kling VIDEO 2.6 Pro: klingai:kling-video@2.6-pro, prompt and negative prompt, CFG 0-1,
        // 1920x1080, 1080x1080, 1080x1920 (image-to-video infers them), 5 or 10 s, first frame, referenceVoices,
        // referenceVideos (motion control), providerSettings.klingai sound/keepOriginalSound/characterOrientation.
        add.accept(model("klingai:kling-video@2.6-pro", 0, plus("negativePrompt", "CFGScale"),
                Set.of("frameImages", "referenceVoices", "referenceVideos"), new RunwareRules(List.of(5, 10),
                        Map.of("1080p", List.of("1920x1080", "1080x1080", "1080x1920")), SizeRule.OPTIONAL,
                        Map.of("klingai", Set.of("sound", "keepOriginalSound", "characterOrientation")), Map.of(),
                        Map.of(), Map.of())));
        // Runware/runware-skills replace-in-video example: bytedance:seedance@2.0, width 1280, height 720, duration 5.
        // Nothing else is documented, so the emulator takes the narrow reading: that size and that duration only.
        add.accept(model("bytedance:seedance@2.0", 0, BASE, Set.of(), new RunwareRules(List.of(5),
                Map.of("720p", List.of("1280x720")), SizeRule.OPTIONAL, Map.of(), Map.of(), Map.of(), Map.of())));
        // minimax-hailuo-2-3-fast(.md): ID minimax:4@2, image-to-video only; 1366x768 and 1920x1080, width and height
        // together; 1920x1080 takes 6 s, others 6 or 10; its prices were a February 2026 promotion, so none is booked.
        add.accept(new RunwareModel("minimax:4@2", false, List.of("1366x768", "1920x1080"), false, 0, null,
                new RunwareRules(List.of(6, 10), RunwareRules.classes("768p", List.of("1366x768"), "1080p", List.of("1920x1080")),
                        SizeRule.OPTIONAL, Map.of("minimax", Set.of("promptOptimizer")), Map.of("1920x1080", List.of(6)),
                        Map.of(), Map.of()), BASE, Set.of("frameImages")));
    }

    private static Set<String> plus(String... fields) {
        Set<String> s = new HashSet<>(BASE);
        s.addAll(List.of(fields));
        return s;
    }

    private static RunwareModel model(String air, int fps, Set<String> fields, Set<String> inputs, RunwareRules rules) {
        return new RunwareModel(air, true, rules.allSizes(), false, fps, null, rules, fields, inputs);
    }
}
