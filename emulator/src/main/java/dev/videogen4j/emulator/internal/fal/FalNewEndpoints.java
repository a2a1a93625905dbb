package dev.videogen4j.emulator.internal.fal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * The emulator's own transcription of the newer fal endpoints' input schemas and prices, each from its fal page
 * (read 2026-12-01, stored copies): Veo 3.1 and 3.1 Fast, Kling 3.0 and 2.6 Pro, Seedance 1.5 Pro and 2.0,
 * Hailuo 2.3 and 2.3 Fast, and Wan 2.6 (read 2026-12-02, with fal's client types for its field names). Where a page's price is per video or unpublished, the booked price per second is the
 * emulator's own approximation for its statistics (fal reports no cost to callers).
 */
final class FalNewEndpoints {
    private FalNewEndpoints() {}

    static void register(BiConsumer<String, FalSchema> add) {
        // https://fal.ai/models/fal-ai/veo3.1/llms.txt: aspect_ratio 16:9|9:16, duration 4s|6s|8s, resolution
        // 720p|1080p|4k, generate_audio (default true), seed, negative_prompt, auto_fix; $0.40/s with audio at 720p.
        Map<String, List<String>> veo = Map.of("aspect_ratio", List.of("16:9", "9:16"), "duration", List.of("4s", "6s", "8s"),
                "resolution", List.of("720p", "1080p", "4k"));
        Map<String, List<String>> veoI2v = Map.of("aspect_ratio", List.of("auto", "16:9", "9:16"),
                "duration", List.of("4s", "6s", "8s"), "resolution", List.of("720p", "1080p", "4k"));
        Set<String> veoBooleans = Set.of("generate_audio", "auto_fix");
        add.accept("fal-ai/veo3.1", new FalSchema(null, null, veo, veoBooleans, Set.of("seed"),
                Set.of("negative_prompt"), false, new BigDecimal("0.40")));
        add.accept("fal-ai/veo3.1/image-to-video", new FalSchema("image_url", null, veoI2v, veoBooleans, Set.of("seed"),
                Set.of("negative_prompt"), false, new BigDecimal("0.40")));
        // Veo 3.1 Fast: same parameters (fal docs page for veo3.1/fast; schema mirrored by runflow); no fal price read.
        add.accept("fal-ai/veo3.1/fast", new FalSchema(null, null, veo, veoBooleans, Set.of("seed"),
                Set.of("negative_prompt"), false, null));
        add.accept("fal-ai/veo3.1/fast/image-to-video", new FalSchema("image_url", null, veoI2v, veoBooleans,
                Set.of("seed"), Set.of("negative_prompt"), false, null));
        // Kling 3.0 (fal docs page kling-video-v3-pro and v3 standard llms.txt): duration "3".."15", aspect
        // 16:9|9:16|1:1, generate_audio, negative_prompt, cfg_scale 0..1; standard $0.126/s with audio.
        Map<String, List<String>> v3 = Map.of("duration", seconds(3, 15), "aspect_ratio", List.of("16:9", "9:16", "1:1"),
                "shot_type", List.of("customize", "intelligent"));
        add.accept("fal-ai/kling-video/v3/standard/text-to-video", new FalSchema(null, null, v3, Set.of("generate_audio"),
                Set.of(), Set.of("negative_prompt"), true, new BigDecimal("0.126")));
        add.accept("fal-ai/kling-video/v3/pro/text-to-video", new FalSchema(null, null, v3, Set.of("generate_audio"),
                Set.of(), Set.of("negative_prompt"), true, null));
        add.accept("fal-ai/kling-video/v3/pro/image-to-video", new FalSchema("start_image_url", "end_image_url",
                Map.of("duration", seconds(3, 15)), Set.of("generate_audio"), Set.of(), Set.of("negative_prompt"), true, null));
        // Kling 2.6 Pro (fal docs quick start: prompt + start_image_url): duration "5"|"10", generate_audio.
        add.accept("fal-ai/kling-video/v2.6/pro/text-to-video", new FalSchema(null, null, Map.of("duration",
                List.of("5", "10"), "aspect_ratio", List.of("16:9", "9:16", "1:1")), Set.of("generate_audio"), Set.of(),
                Set.of("negative_prompt"), false, null));
        // Kling 2.6 Pro image-to-video (its llms.txt page): $0.07/s, $0.14/s with native audio (the default).
        add.accept("fal-ai/kling-video/v2.6/pro/image-to-video", new FalSchema("start_image_url", "end_image_url",
                Map.of("duration", List.of("5", "10")), Set.of("generate_audio"), Set.of(), Set.of("negative_prompt"),
                false, new BigDecimal("0.14")));
        // Seedance 1.5 Pro (llms.txt for t2v and i2v): aspect incl. auto, resolution 480p|720p|1080p, duration
        // "4".."12", camera_fixed, seed, generate_audio, enable_safety_checker; ~$0.052/s at 720p with audio.
        Map<String, List<String>> seedance = Map.of("aspect_ratio", List.of("21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "auto"),
                "resolution", List.of("480p", "720p", "1080p"), "duration", seconds(4, 12));
        Set<String> seedanceBooleans = Set.of("camera_fixed", "generate_audio", "enable_safety_checker");
        add.accept("fal-ai/bytedance/seedance/v1.5/pro/text-to-video", new FalSchema(null, null, seedance,
                seedanceBooleans, Set.of("seed"), Set.of(), false, new BigDecimal("0.05184")));
        add.accept("fal-ai/bytedance/seedance/v1.5/pro/image-to-video", new FalSchema("image_url", "end_image_url",
                seedance, seedanceBooleans, Set.of("seed"), Set.of(), false, new BigDecimal("0.05184")));
        // Seedance 2.0 (fal page of the fast tier, same parameters): resolution 480p|720p, duration auto|4..15.
        List<String> auto15 = new java.util.ArrayList<>(List.of("auto"));
        auto15.addAll(seconds(4, 15));
        add.accept("bytedance/seedance-2.0/text-to-video", new FalSchema(null, null, Map.of("resolution",
                List.of("480p", "720p"), "duration", auto15, "aspect_ratio",
                List.of("auto", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16")), Set.of("generate_audio"), Set.of("seed"),
                Set.of("end_user_id"), false, null));
        // Hailuo 2.3 Standard (768p) and 2.3 Fast Standard: duration "6"|"10", prompt_optimizer;
        // $0.28 per 6 s / $0.56 per 10 s (standard), $0.19 / $0.32 (fast): booked at the 6 s rate per second.
        Map<String, List<String>> hailuo = Map.of("duration", List.of("6", "10"));
        add.accept("fal-ai/minimax/hailuo-2.3/standard/text-to-video", new FalSchema(null, null, hailuo,
                Set.of("prompt_optimizer"), Set.of(), Set.of(), false, new BigDecimal("0.0467")));
        add.accept("fal-ai/minimax/hailuo-2.3/standard/image-to-video", new FalSchema("image_url", null, hailuo,
                Set.of("prompt_optimizer"), Set.of(), Set.of(), false, new BigDecimal("0.0467")));
        add.accept("fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video", new FalSchema("image_url", null, hailuo,
                Set.of("prompt_optimizer"), Set.of(), Set.of(), false, new BigDecimal("0.0317")));
        wan26(add);
    }

    // https://fal.ai/models/wan/v2.6/text-to-video/api and /image-to-video/api: 720p|1080p (no 480p), 5|10|15 s,
    // t2v 16:9|9:16|1:1|4:3|3:4, i2v the image as the first frame; the fields as fal-js types them
    // (V26TextToVideoInput, V26ImageToVideoInput): duration "5"|"10"|"15", prompt max 800 characters, negative_prompt
    // max 500, seed, audio_url, enable_prompt_expansion, multi_shots, enable_safety_checker; i2v has no aspect_ratio.
    // No price on the pages read: booked at the emulator's placeholder price.
    private static void wan26(BiConsumer<String, FalSchema> add) {
        Map<String, List<String>> common = Map.of("duration", List.of("5", "10", "15"), "resolution", List.of("720p", "1080p"));
        Map<String, List<String>> t2v = new java.util.HashMap<>(common);
        t2v.put("aspect_ratio", List.of("16:9", "9:16", "1:1", "4:3", "3:4"));
        Set<String> booleans = Set.of("enable_prompt_expansion", "multi_shots", "enable_safety_checker");
        Map<String, Integer> lengths = Map.of("prompt", 800, "negative_prompt", 500);
        add.accept("wan/v2.6/text-to-video", new FalSchema(null, null, t2v, booleans, Set.of("seed"),
                Set.of("negative_prompt", "audio_url"), false, null, lengths));
        add.accept("wan/v2.6/image-to-video", new FalSchema("image_url", null, common, booleans, Set.of("seed"),
                Set.of("negative_prompt", "audio_url"), false, null, lengths));
    }

    private static List<String> seconds(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }
}
