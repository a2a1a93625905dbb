package dev.videogen4j.spi;

import java.util.Locale;

/**
 * How a neutral value is written on a vendor's wire: the {@code "as"} of a catalog wire entry.
 *
 * <pre>{@code
 * "durationSeconds": {"to": "duration", "as": "string"}    // 5 -> "5"   (fal Kling)
 * "durationSeconds": {"to": "duration", "as": "seconds"}   // 8 -> "8s"  (fal Veo)
 * "durationSeconds": "duration"                             // 5 -> 5     (Runware)
 * }</pre>
 */
public enum WireFormat {
    /** As it is: numbers as numbers, booleans as booleans, enum constants by name. */
    VALUE,
    /** As a JSON string: {@code 5 -> "5"}. */
    STRING,
    /** Seconds as a string with an {@code s}: {@code 8 -> "8s"}. */
    SECONDS,
    /** A frame image appended to the list at the path as {@code {"image": ..., "frame": "first"|"last"}} (Runware). */
    FRAME,
    /** A size written as two numbers, width and height, at the two paths given. */
    DIMENSION,
    /** A query parameter of the submit URL, not part of the body (fal's webhook). */
    QUERY,
    /** Accepted and checked against the catalog, never sent: the endpoint or another field already fixes it. */
    IMPLIED;

    /** Reads the catalog spelling, e.g. {@code "seconds"}. */
    public static WireFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown wire format \"" + name
                    + "\"; known: value, string, seconds, frame, dimension, query, implied", e);
        }
    }

    /** The value as this format writes it (not for FRAME, DIMENSION or IMPLIED, which the adapter places). */
    public Object format(Object value) {
        if (value instanceof Enum) value = ((Enum<?>) value).name();
        switch (this) {
            case STRING: return String.valueOf(value);
            case SECONDS: return value + "s";
            default: return value;
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
