package dev.videogen4j;

import dev.videogen4j.error.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What both kinds of request have in common. Applications build a {@link TextToVideoRequest} or an
 * {@link ImageToVideoRequest}; adapters read them through this interface.
 *
 * <pre>{@code
 * VideoRequest request = TextToVideoRequest.builder()
 *         .model("kling-2.5-turbo-pro")
 *         .prompt("A motorcycle racing through mountain roads at golden hour")
 *         .durationSeconds(5)
 *         .aspectRatio("16:9")
 *         .build();
 * }</pre>
 *
 * <p>Unset options are {@code null}: the provider's default applies. Values are checked for shape when the
 * request is built, and against the chosen model's capabilities before anything is sent.
 */
public sealed interface VideoRequest permits TextToVideoRequest, ImageToVideoRequest {

    Workflow workflow();

    /** A logical family id ({@code kling-2.5-turbo-standard}) or a provider's native id ({@code klingai:6@0}). */
    String model();

    String prompt();

    String negativePrompt();

    Integer durationSeconds();

    /** Like {@code "16:9"}; exclusive with {@link #width()}/{@link #height()}. */
    String aspectRatio();

    Integer width();

    Integer height();

    Double cfgScale();

    Long seed();

    Integer numberResults();

    OutputFormat outputFormat();

    Integer outputQuality();

    /**
     * Whether the model should generate a soundtrack with the video ({@code true}), stay silent ({@code false}), or
     * do its default ({@code null}). Models without audio refuse {@code true}; on most audio models it changes the price.
     */
    Boolean generateAudio();

    /** A resolution class like {@code "720p"} or {@code "1080p"}; {@code null} for the model's default. */
    String resolution();

    /** Where the provider should POST its completion notice. */
    String webhookUrl();

    /** Provider-specific fields, passed through verbatim; never null. */
    Map<String, Object> providerOptions();

    /** The number of videos asked for: {@link #numberResults()} or 1. */
    default int resultCount() {
        return numberResults() == null ? 1 : numberResults();
    }

    /**
     * The setters both builders share. Each setter returns the concrete builder so calls chain.
     *
     * @param <B> the concrete builder
     */
    abstract class Builder<B extends Builder<B>> {

        String model;
        String prompt;
        String negativePrompt;
        Integer durationSeconds;
        String aspectRatio;
        Integer width;
        Integer height;
        Double cfgScale;
        Long seed;
        Integer numberResults;
        OutputFormat outputFormat;
        Integer outputQuality;
        Boolean generateAudio;
        String resolution;
        String webhookUrl;
        Map<String, Object> providerOptions = new LinkedHashMap<>();

        Builder() {
        }

        Builder(VideoRequest r) {
            model = r.model();
            prompt = r.prompt();
            negativePrompt = r.negativePrompt();
            durationSeconds = r.durationSeconds();
            aspectRatio = r.aspectRatio();
            width = r.width();
            height = r.height();
            cfgScale = r.cfgScale();
            seed = r.seed();
            numberResults = r.numberResults();
            outputFormat = r.outputFormat();
            outputQuality = r.outputQuality();
            generateAudio = r.generateAudio();
            resolution = r.resolution();
            webhookUrl = r.webhookUrl();
            providerOptions = new LinkedHashMap<>(r.providerOptions());
        }

        abstract B self();

        public B model(String model) { this.model = model; return self(); }
        public B prompt(String prompt) { this.prompt = prompt; return self(); }
        public B negativePrompt(String negativePrompt) { this.negativePrompt = negativePrompt; return self(); }
        public B durationSeconds(Integer seconds) { this.durationSeconds = seconds; return self(); }
        public B aspectRatio(String aspectRatio) { this.aspectRatio = aspectRatio; return self(); }
        public B cfgScale(Double cfgScale) { this.cfgScale = cfgScale; return self(); }
        public B seed(Long seed) { this.seed = seed; return self(); }
        public B numberResults(Integer numberResults) { this.numberResults = numberResults; return self(); }
        public B outputFormat(OutputFormat outputFormat) { this.outputFormat = outputFormat; return self(); }
        public B outputQuality(Integer outputQuality) { this.outputQuality = outputQuality; return self(); }
        public B webhookUrl(String webhookUrl) { this.webhookUrl = webhookUrl; return self(); }
        public B generateAudio(Boolean generateAudio) { this.generateAudio = generateAudio; return self(); }
        /** A resolution class, e.g. {@code resolution("1080p")}. */
        public B resolution(String resolution) { this.resolution = resolution; return self(); }

        /** Width and height in pixels, e.g. {@code size(1280, 720)}. */
        public B size(Integer width, Integer height) {
            this.width = width;
            this.height = height;
            return self();
        }

        /** Replaces all provider options. Keys and values are sent verbatim. */
        public B providerOptions(Map<String, Object> options) {
            Objects.requireNonNull(options, "providerOptions == null");
            this.providerOptions = new LinkedHashMap<>(options);
            return self();
        }

        /** Adds one provider option, e.g. {@code providerOption("ttl", 3600)}. */
        public B providerOption(String key, Object value) {
            Objects.requireNonNull(key, "key == null");
            providerOptions.put(key, value);
            return self();
        }

        /** Checks the shape of the common fields (the records' own rules); capability checks come later. */
        List<Violation> shapeViolations() {
            return RequestShape.violations(model, prompt, negativePrompt, durationSeconds, aspectRatio, width, height,
                    cfgScale, numberResults, outputQuality, resolution, webhookUrl);
        }

        static void throwIfAny(String model, List<Violation> violations) {
            RequestShape.throwIfAny(model, violations);
        }

        Map<String, Object> frozenOptions() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(providerOptions));
        }
    }
}
