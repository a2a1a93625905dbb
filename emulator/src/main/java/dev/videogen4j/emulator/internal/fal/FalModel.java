package dev.videogen4j.emulator.internal.fal;

import java.math.BigDecimal;

/**
 * One Kling endpoint on fal and its input schema (fal-api.md §5).
 *
 * @param endpointId e.g. {@code fal-ai/kling-video/v2.5-turbo/standard/image-to-video}
 * @param imageToVideo whether {@code image_url} is required
 * @param tailImage whether {@code tail_image_url} (end frame) is accepted: the pro i2v endpoints
 * @param aspectRatio whether {@code aspect_ratio} is accepted: t2v and v1.6 pro i2v
 * @param documentedPricePerSecond USD per output second, or null where fal documents none (v1.6)
 * @param schema the input schema of a newer endpoint, or null for the Kling rules of {@link FalInputValidator}
 */
public record FalModel(String endpointId, boolean imageToVideo, boolean tailImage,
        boolean aspectRatio, BigDecimal documentedPricePerSecond, FalSchema schema) {

    /** A newer endpoint or one the emulator was given: its rules are {@code schema}'s. */
    public static FalModel of(String endpointId, FalSchema schema) {
        return new FalModel(endpointId, schema.imageField() != null, schema.endImageField() != null,
                schema.oneOf().containsKey("aspect_ratio"), schema.bookedPerSecond(), schema);
    }

    /** The {@code owner/app} part that status, result and cancel URLs use. */
    public String app() {
        String[] segments = endpointId.split("/");
        return segments[0] + "/" + segments[1];
    }
}
