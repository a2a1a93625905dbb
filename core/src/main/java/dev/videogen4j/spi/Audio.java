package dev.videogen4j.spi;

import java.util.Locale;

/**
 * Whether a model makes a soundtrack, and what it does when the request says nothing ({@code generateAudio} unset).
 *
 * <pre>{@code
 * "audio": "on-by-default"    // fal Veo 3.1: generate_audio defaults to true
 * }</pre>
 */
public enum Audio {
    /** Silent video only; {@code generateAudio(true)} is refused. */
    NONE,
    /** Optional, off unless asked for. */
    OFF_BY_DEFAULT,
    /** Optional, on unless switched off. */
    ON_BY_DEFAULT,
    /** Optional, but the vendor does not document the default; a quote assumes the dearer one. */
    UNDOCUMENTED_DEFAULT,
    /** Always with sound; {@code generateAudio(false)} is refused. */
    ALWAYS;

    /** Reads the catalog spelling, e.g. {@code "on-by-default"}. */
    public static Audio parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown audio \"" + name
                    + "\"; known: none, off-by-default, on-by-default, undocumented-default, always", e);
        }
    }

    /** Whether a request that leaves {@code generateAudio} unset gets (or may be billed for) audio. */
    public boolean assumedOn() {
        return this == ON_BY_DEFAULT || this == ALWAYS || this == UNDOCUMENTED_DEFAULT;
    }

    /** The catalog spelling. */
    public String catalogName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
