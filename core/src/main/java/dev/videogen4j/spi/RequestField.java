package dev.videogen4j.spi;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoRequest;
import java.util.Locale;

/**
 * The neutral request fields a catalog entry maps onto a vendor's wire ({@link WireMapping}). Each has the name the
 * catalog file uses for it.
 *
 * <pre>{@code
 * RequestField.parse("durationSeconds");                 // DURATION_SECONDS
 * RequestField.GENERATE_AUDIO.valueIn(request);          // Boolean.TRUE, or null when unset
 * }</pre>
 */
public enum RequestField {
    PROMPT("prompt", "prompt"),
    NEGATIVE_PROMPT("negativePrompt", "negativePrompt"),
    /** Width and height together; on vendors that take pixel sizes an aspect ratio is turned into one. */
    SIZE("size", "width"),
    ASPECT_RATIO("aspectRatio", "aspectRatio"),
    DURATION_SECONDS("durationSeconds", "durationSeconds"),
    CFG_SCALE("cfgScale", "cfgScale"),
    SEED("seed", "seed"),
    NUMBER_RESULTS("numberResults", "numberResults"),
    OUTPUT_FORMAT("outputFormat", "outputFormat"),
    OUTPUT_QUALITY("outputQuality", "outputQuality"),
    WEBHOOK_URL("webhookUrl", "webhookUrl"),
    IMAGE("image", "image"),
    LAST_IMAGE("lastImage", "lastImage"),
    GENERATE_AUDIO("generateAudio", "generateAudio"),
    RESOLUTION("resolution", "resolution");

    private final String catalogName;
    private final String violationField;

    RequestField(String catalogName, String violationField) {
        this.catalogName = catalogName;
        this.violationField = violationField;
    }

    /** The key in a catalog entry's {@code "wire"} object. */
    public String catalogName() {
        return catalogName;
    }

    /** The field named in a violation (the request builder's name; {@code width} for a size). */
    public String violationField() {
        return violationField;
    }

    /** @throws IllegalArgumentException listing the known names */
    public static RequestField parse(String name) {
        for (RequestField f : values()) {
            if (f.catalogName.equals(name)) return f;
        }
        StringBuilder known = new StringBuilder();
        for (RequestField f : values()) known.append(known.length() == 0 ? "" : ", ").append(f.catalogName);
        throw new IllegalArgumentException("unknown request field \"" + name + "\"; known: " + known);
    }

    /** The request's value for this field, {@code null} when unset; a size is a {@link Dimension}. */
    public Object valueIn(VideoRequest r) {
        switch (this) {
            case PROMPT: return r.prompt();
            case NEGATIVE_PROMPT: return r.negativePrompt();
            case SIZE: return r.width() == null || r.height() == null ? null : new Dimension(r.width(), r.height());
            case ASPECT_RATIO: return r.aspectRatio();
            case DURATION_SECONDS: return r.durationSeconds();
            case CFG_SCALE: return r.cfgScale();
            case SEED: return r.seed();
            case NUMBER_RESULTS: return r.numberResults();
            case OUTPUT_FORMAT: return r.outputFormat();
            case OUTPUT_QUALITY: return r.outputQuality();
            case WEBHOOK_URL: return r.webhookUrl();
            case IMAGE: return r instanceof ImageToVideoRequest ? ((ImageToVideoRequest) r).image() : null;
            case LAST_IMAGE: return r instanceof ImageToVideoRequest ? ((ImageToVideoRequest) r).lastImage() : null;
            case GENERATE_AUDIO: return r.generateAudio();
            case RESOLUTION: return r.resolution();
            default: throw new AssertionError(this);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
