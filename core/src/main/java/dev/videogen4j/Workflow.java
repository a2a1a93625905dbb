package dev.videogen4j;

import java.util.Locale;

/**
 * What a generation starts from: a text prompt alone, or an image (with the prompt describing the motion).
 *
 * <pre>{@code
 * Workflow w = Workflow.parse("i2v");          // IMAGE_TO_VIDEO
 * System.out.println(w.shortName());            // "i2v"
 * }</pre>
 */
public enum Workflow {
    TEXT_TO_VIDEO("t2v"),
    IMAGE_TO_VIDEO("i2v");

    private final String shortName;

    Workflow(String shortName) {
        this.shortName = shortName;
    }

    /** {@code "t2v"} or {@code "i2v"}, the names used in catalogs, the CLI and configuration. */
    public String shortName() {
        return shortName;
    }

    /** Accepts {@code t2v}, {@code i2v} or the constant names, in any case. */
    public static Workflow parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Workflow w : values()) {
            if (w.shortName.equals(t) || w.name().toLowerCase(Locale.ROOT).equals(t)) {
                return w;
            }
        }
        throw new IllegalArgumentException("Unknown workflow '" + text + "': use t2v or i2v");
    }
}
