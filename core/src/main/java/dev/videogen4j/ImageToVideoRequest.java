package dev.videogen4j;

import dev.videogen4j.error.Violation;
import java.util.List;
import java.util.Map;

/**
 * A video animated from a first-frame image, optionally ending on a last-frame image. Immutable; build one
 * with {@link #builder()}, change a copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * ImageToVideoRequest request = ImageToVideoRequest.builder()
 *         .model("kling-2.5-turbo-standard")
 *         .prompt("A slow cinematic glide through an ancient clocktower chamber")
 *         .image(ImageInput.url("https://example.com/first.jpg"))
 *         .durationSeconds(5)
 *         .cfgScale(0.6)
 *         .negativePrompt("blur, flicker")
 *         .build();
 * }</pre>
 *
 * @see VideoRequest for what each shared field means
 */
public record ImageToVideoRequest(String model, String prompt, String negativePrompt, Integer durationSeconds,
                                  String aspectRatio, Integer width, Integer height, Double cfgScale, Long seed,
                                  Integer numberResults, OutputFormat outputFormat, Integer outputQuality,
                                  Boolean generateAudio, String resolution,
                                  String webhookUrl, Map<String, Object> providerOptions,
                                  ImageInput image, ImageInput lastImage) implements VideoRequest {

    /** @throws dev.videogen4j.error.InvalidRequestException naming every malformed field, however it was built */
    public ImageToVideoRequest {
        List<Violation> v = RequestShape.violations(model, prompt, negativePrompt, durationSeconds, aspectRatio, width,
                height, cfgScale, numberResults, outputQuality, resolution, webhookUrl);
        if (image == null) {
            v.add(new Violation("image", null, "a first-frame image (ImageInput.url/file/bytes/dataUri/asset)"));
        }
        RequestShape.throwIfAny(model, v);
        model = model.trim();
        // Insertion order is kept (it is the order options reach the wire) and null values are allowed (JSON null).
        providerOptions = providerOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providerOptions));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public Workflow workflow() {
        return Workflow.IMAGE_TO_VIDEO;
    }

    /**
     * Builds an {@link ImageToVideoRequest}; {@link #build()} reports every malformed field at once.
     *
     * <pre>{@code
     * ImageToVideoRequest.builder().model("kling-2.1-pro").image(ImageInput.url(first)).lastImage(ImageInput.url(last)).build();
     * }</pre>
     */
    public static final class Builder extends VideoRequest.Builder<Builder> {
        private ImageInput image;
        private ImageInput lastImage;

        Builder() {
        }

        Builder(ImageToVideoRequest r) {
            super(r);
            image = r.image();
            lastImage = r.lastImage();
        }

        @Override
        Builder self() {
            return this;
        }

        /** The first frame. Required. */
        public Builder image(ImageInput image) {
            this.image = image;
            return this;
        }

        /** The last frame, for models that accept one. */
        public Builder lastImage(ImageInput lastImage) {
            this.lastImage = lastImage;
            return this;
        }

        /**
         * @throws dev.videogen4j.error.InvalidRequestException naming every malformed field
         */
        public ImageToVideoRequest build() {
            List<Violation> v = shapeViolations();
            if (image == null) {
                v.add(new Violation("image", null, "a first-frame image (ImageInput.url/file/bytes/dataUri/asset)"));
            }
            throwIfAny(model, v);
            return new ImageToVideoRequest(model.trim(), prompt, negativePrompt, durationSeconds, aspectRatio, width,
                    height, cfgScale, seed, numberResults, outputFormat, outputQuality, generateAudio, resolution, webhookUrl, frozenOptions(),
                    image, lastImage);
        }
    }
}
