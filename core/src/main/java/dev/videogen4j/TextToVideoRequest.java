package dev.videogen4j;

import dev.videogen4j.error.Violation;
import java.util.List;
import java.util.Map;

/**
 * A video generated from a text prompt alone. Immutable; build one with {@link #builder()}, change a copy with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * TextToVideoRequest request = TextToVideoRequest.builder()
 *         .model("kling-2.5-turbo-pro")
 *         .prompt("Cinematic aerial drone shot following a motorcycle through winding mountain roads")
 *         .durationSeconds(10)
 *         .size(1280, 720)
 *         .build();
 * VideoResult result = client.generate(request);
 * }</pre>
 *
 * @see VideoRequest for what each field means
 */
public record TextToVideoRequest(String model, String prompt, String negativePrompt, Integer durationSeconds,
                                 String aspectRatio, Integer width, Integer height, Double cfgScale, Long seed,
                                 Integer numberResults, OutputFormat outputFormat, Integer outputQuality,
                                 Boolean generateAudio, String resolution,
                                 String webhookUrl, Map<String, Object> providerOptions) implements VideoRequest {

    /** @throws dev.videogen4j.error.InvalidRequestException naming every malformed field, however it was built */
    public TextToVideoRequest {
        List<Violation> v = RequestShape.violations(model, prompt, negativePrompt, durationSeconds, aspectRatio, width,
                height, cfgScale, numberResults, outputQuality, resolution, webhookUrl);
        if (prompt == null || prompt.isBlank()) {
            v.add(new Violation("prompt", prompt, "a non-blank text (text-to-video needs a prompt)"));
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
        return Workflow.TEXT_TO_VIDEO;
    }

    /**
     * Builds a {@link TextToVideoRequest}; {@link #build()} reports every malformed field at once.
     *
     * <pre>{@code
     * TextToVideoRequest.builder().model("kling-2.1-master").prompt("Waves against cliffs").build();
     * }</pre>
     */
    public static final class Builder extends VideoRequest.Builder<Builder> {
        Builder() {
        }

        Builder(TextToVideoRequest r) {
            super(r);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * @throws dev.videogen4j.error.InvalidRequestException naming every malformed field
         */
        public TextToVideoRequest build() {
            List<Violation> v = shapeViolations();
            if (prompt == null || prompt.isBlank()) {
                v.add(new Violation("prompt", prompt, "a non-blank text (text-to-video needs a prompt)"));
            }
            throwIfAny(model, v);
            return new TextToVideoRequest(model.trim(), prompt, negativePrompt, durationSeconds, aspectRatio, width,
                    height, cfgScale, seed, numberResults, outputFormat, outputQuality, generateAudio, resolution, webhookUrl, frozenOptions());
        }
    }
}
