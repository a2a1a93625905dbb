package dev.videogen4j.spi;

import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one provider/model accepts and costs: one row of the capability matrix. Adapters load these from a JSON
 * catalog ({@link ModelCatalog}); core validates every request against them before any HTTP call.
 *
 * <pre>{@code
 * ModelCapabilities m = client.capabilities().model("runware", "klingai:6@0").orElseThrow();
 * m.family();                 // "kling-2.5-turbo-standard"
 * m.supports(Workflow.TEXT_TO_VIDEO);   // false: image-to-video only
 * m.durations();              // [5, 10]
 * }</pre>
 *
 * @param providerId     the provider id
 * @param id             the native model id ({@code klingai:6@0}, {@code fal-ai/kling-video/v2.5-turbo/pro/image-to-video})
 * @param family         the logical family shared across providers ({@code kling-2.5-turbo-standard})
 * @param displayName    a human name
 * @param workflows      what the model can do
 * @param durations      accepted durations in seconds; the first is the provider's default
 * @param dimensions     accepted width×height pairs; empty when width/height are not sent to this model
 * @param aspectRatios   accepted aspect ratios when they are sent as such (fal); ratios of {@code dimensions} are
 *                       accepted too
 * @param fps            frames per second of the output, or {@code null} when undocumented
 * @param cfgScale       the accepted CFG scale range, or {@code null} when the model takes none
 * @param promptLength   accepted prompt length in characters
 * @param promptRequired workflows for which a prompt is mandatory
 * @param negativePrompt accepted negative prompt length, or {@code null} when the model takes none
 * @param frameImages    where frame images may be pinned (FIRST, and LAST on some models)
 * @param unsupported    request fields that must not be sent to this model, each with the reason
 * @param maxResults     the most videos one request may ask for
 * @param outputFormats  the containers the model can produce
 * @param outputQuality  the accepted output quality range, or {@code null} when not adjustable
 * @param pricing        the price per second and its source
 * @param options        adapter-specific catalog data (endpoint defaults, notes), passed through as read
 * @param resolutions    resolution classes the request may choose ({@code "720p"}); empty when not selectable
 * @param audio          whether the model makes sound and what it does by default
 * @param wire           how each accepted neutral field is written on the wire; empty means the adapter's default
 * @param source         the vendor page this entry was checked against
 * @param checked        the day it was checked, or {@code null} when unknown
 * @param imageInput     the input images the model takes (bytes, types, pixels) as its vendor documents them;
 *                       {@link ImageLimits#UNDOCUMENTED} when it documents none
 */
public record ModelCapabilities(String providerId, String id, String family, String displayName,
                                Set<Workflow> workflows, List<Integer> durations, List<Dimension> dimensions,
                                List<String> aspectRatios, Integer fps, Range cfgScale, Range promptLength,
                                Set<Workflow> promptRequired, Range negativePrompt, Set<FramePosition> frameImages,
                                Map<String, String> unsupported, int maxResults, Set<OutputFormat> outputFormats,
                                Range outputQuality, Pricing pricing, Map<String, Object> options,
                                List<String> resolutions, Audio audio, WireMapping wire, String source,
                                java.time.LocalDate checked, ImageLimits imageInput) {

    public ModelCapabilities {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(family, "family == null");
        Objects.requireNonNull(pricing, "pricing == null");
        displayName = displayName == null ? id : displayName;
        workflows = Set.copyOf(workflows);
        durations = List.copyOf(durations);
        dimensions = List.copyOf(dimensions);
        aspectRatios = List.copyOf(aspectRatios);
        promptLength = promptLength == null ? new Range(1, Integer.MAX_VALUE) : promptLength;
        promptRequired = Set.copyOf(promptRequired);
        frameImages = Set.copyOf(frameImages);
        unsupported = Map.copyOf(unsupported);
        outputFormats = Set.copyOf(outputFormats);
        options = options == null ? Map.of() : Map.copyOf(options);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        audio = audio == null ? Audio.NONE : audio;
        wire = wire == null ? WireMapping.none() : wire;
        imageInput = imageInput == null ? ImageLimits.UNDOCUMENTED : imageInput;
        if (maxResults < 1) {
            throw new IllegalArgumentException(providerId + "/" + id + ": maxResults must be >= 1");
        }
    }

    public boolean supports(Workflow workflow) {
        return workflows.contains(workflow);
    }

    /** True when {@code name} (the model id or the family id) designates this model. */
    public boolean answersTo(String name) {
        return id.equals(name) || family.equals(name);
    }

    /** Every aspect ratio the model accepts: explicit ones and those of its dimensions. */
    public Set<String> acceptedAspectRatios() {
        Set<String> all = new LinkedHashSet<>(aspectRatios);
        dimensions.forEach(d -> all.add(d.aspectRatio()));
        return all;
    }

    /** The model's dimension with this aspect ratio, used to turn {@code aspectRatio("16:9")} into width/height. */
    public Optional<Dimension> dimensionFor(String aspectRatio) {
        return dimensions.stream().filter(d -> d.aspectRatio().equals(aspectRatio)).findFirst();
    }

    /**
     * The resolution class a request gets: the one it asks for, else that of its size or aspect ratio, else the
     * model's default (the first of {@link #resolutions()}, or of its dimensions); {@code null} when unknowable.
     */
    public String resolutionFor(dev.videogen4j.VideoRequest r) {
        if (r.resolution() != null) return r.resolution();
        if (r.width() != null && r.height() != null) return new Dimension(r.width(), r.height()).resolution();
        if (r.aspectRatio() != null) {
            Optional<Dimension> d = dimensionFor(r.aspectRatio());
            if (d.isPresent()) return d.get().resolution();
        }
        if (!resolutions.isEmpty()) return resolutions.get(0);
        return dimensions.isEmpty() ? null : dimensions.get(0).resolution();
    }

    /** The model's dimension with this aspect ratio in this resolution class ({@code null} for any). */
    public Optional<Dimension> dimensionFor(String aspectRatio, String resolution) {
        return dimensions.stream().filter(d -> d.aspectRatio().equals(aspectRatio)
                && (resolution == null || d.resolution().equals(resolution))).findFirst();
    }

    /** The duration the provider uses when none is given. */
    public int defaultDuration() {
        return durations.isEmpty() ? 5 : durations.get(0);
    }

    /** An adapter-specific catalog value, e.g. {@code option("endpoint")}. */
    public Optional<Object> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public String toString() {
        return providerId + "/" + id + " (" + family + ")";
    }
}
