package dev.videogen4j.error;

import java.util.Objects;

/**
 * One reason a request cannot be served: the field, the value that was given and what is allowed.
 *
 * <pre>{@code
 * for (Violation v : e.violations()) {
 *     System.out.println(v.field() + "=" + v.value() + " -> allowed: " + v.allowed());
 * }
 * }</pre>
 *
 * @param field   the request field, as named by the builder ({@code "durationSeconds"}, {@code "cfgScale"}, ...)
 * @param value   the rejected value rendered as text ({@code "null"} when missing)
 * @param allowed what would have been accepted, in words ({@code "5, 10"}, {@code "0.0..1.0"})
 */
public record Violation(String field, String value, String allowed) {
    public Violation {
        Objects.requireNonNull(field, "field == null");
        Objects.requireNonNull(allowed, "allowed == null");
        value = String.valueOf(value);
    }

    /** {@code field=value (allowed: ...)}, the form used in exception messages. */
    @Override
    public String toString() {
        return field + "=" + value + " (allowed: " + allowed + ")";
    }
}
