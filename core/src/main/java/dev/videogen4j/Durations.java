package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a duration the way every {@code VIDEOGEN4J_*} duration key is read ({@code VIDEOGEN4J_TIMEOUT=10m}), for an
 * application or tool that takes durations of its own and wants them written the same way: {@code 500ms},
 * {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or ISO-8601 {@code PT30S}.
 *
 * <pre>{@code
 * Duration wait = Durations.parse("--timeout", "90s");        // PT1M30S
 * Durations.parse("--timeout", "soon");
 * // ConfigurationException: --timeout=soon is not a duration (use 500ms, 30s, 2m, 1h or PT30S)
 * }</pre>
 */
public final class Durations {
    private Durations() {
    }

    /**
     * The duration {@code text} names; negative values are read as written (a caller that forbids them says so).
     *
     * @param name what the value was given as ({@code VIDEOGEN4J_TIMEOUT}, {@code --timeout}), for the message
     * @throws ConfigurationException naming {@code name}, the text and the accepted forms when it is not a duration
     */
    public static Duration parse(String name, String text) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(text, "text == null");
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()) * 60);
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigurationException(name + "=" + text + " is not a duration (use 500ms, 30s, 2m, 1h or PT30S)");
        }
    }
}
