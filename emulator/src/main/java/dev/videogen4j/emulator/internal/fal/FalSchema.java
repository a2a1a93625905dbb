package dev.videogen4j.emulator.internal.fal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input schema of a fal endpoint that is not one of the Kling 1.6–2.5 endpoints (those keep
 * {@link FalInputValidator}'s rules): which image fields it takes, its enum fields with their values, its
 * boolean, integer and string fields, and what the emulator books per second for it. Transcribed from each
 * endpoint's own fal page in {@link FalModels}, never from the adapter's catalog. fal ignores fields a schema
 * does not name, and so does the emulator, except image fields: an end frame sent where none is taken is refused
 * ({@code feature_not_supported}), as for the Kling endpoints.
 *
 * <pre>{@code
 * new FalSchema(null, null, Map.of("duration", List.of("4s", "6s", "8s")), Set.of("generate_audio"),
 *         Set.of("seed"), Set.of("negative_prompt"), false, new BigDecimal("0.40"));
 * }</pre>
 *
 * @param imageField    the required first-frame field ({@code image_url}, {@code start_image_url}); null for t2v
 * @param endImageField the optional last-frame field, or null
 * @param oneOf         enum fields and their allowed values (strings, as fal's enums are)
 * @param booleans      boolean fields
 * @param integers      integer fields
 * @param strings       free text fields besides {@code prompt}
 * @param cfgScale      whether {@code cfg_scale} (0..1) is taken
 * @param bookedPerSecond what the emulator's statistics book per second (fal reports no cost to the caller)
 * @param maxLengths    the longest text a string field takes, where fal's schema states one (Wan 2.6: prompt 800)
 */
public record FalSchema(String imageField, String endImageField, Map<String, List<String>> oneOf, Set<String> booleans,
        Set<String> integers, Set<String> strings, boolean cfgScale, BigDecimal bookedPerSecond,
        Map<String, Integer> maxLengths) {
    public FalSchema {
        oneOf = Map.copyOf(oneOf);
        booleans = Set.copyOf(booleans);
        integers = Set.copyOf(integers);
        strings = Set.copyOf(strings);
        maxLengths = Map.copyOf(maxLengths);
    }

    /** A schema whose string fields have no stated length limit. */
    public FalSchema(String imageField, String endImageField, Map<String, List<String>> oneOf, Set<String> booleans,
            Set<String> integers, Set<String> strings, boolean cfgScale, BigDecimal bookedPerSecond) {
        this(imageField, endImageField, oneOf, booleans, integers, strings, cfgScale, bookedPerSecond, Map.of());
    }

    /**
     * A schema for an endpoint the emulator is given at build time (a user's own catalog model): the prompt and,
     * for image-to-video, {@code image_url} are required; everything else is accepted as fal accepts unknown fields.
     */
    public static FalSchema lenient(boolean imageToVideo, BigDecimal bookedPerSecond) {
        return new FalSchema(imageToVideo ? "image_url" : null, null, Map.of(), Set.of(), Set.of(), Set.of(), false,
                bookedPerSecond);
    }
}
