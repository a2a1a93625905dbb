package dev.videogen4j.spi;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An API key that does not leak: {@code toString()} prints {@code ApiKey[redacted]}, and {@link #redact(String)}
 * scrubs every key created in this JVM out of a text, so a provider that echoes a key in an error body cannot
 * put it into an exception message or a log line.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.of(System.getenv("FAL_KEY"));
 * request.header("Authorization", "Key " + key.reveal());   // the only place the value is read
 * }</pre>
 */
public final class ApiKey {
    // Every key value seen, so any text can be scrubbed of all of them. Keys are few and long-lived.
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final int MIN_REDACTABLE_LENGTH = 4;
    private static final int MAX_CAUSES = 20;

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "api key == null");
        String v = value.trim();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("api key is blank");
        }
        if (v.length() >= MIN_REDACTABLE_LENGTH) {
            KNOWN.add(v);
        }
        return new ApiKey(v);
    }

    /** The secret itself, for the authentication header and nothing else. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every known key replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null || KNOWN.isEmpty()) {
            return text;
        }
        String out = text;
        for (String k : KNOWN) {
            if (out.contains(k)) {
                out = out.replace(k, "****");
            }
        }
        return out;
    }

    /**
     * {@code t} itself when no known key appears in the messages of its cause chain; otherwise a stand-in chain
     * with the same types (by name), messages redacted and stack traces kept. For attaching a foreign exception
     * (an {@code IOException} whose message echoes a request) as a cause without carrying the key along.
     */
    public static Throwable redact(Throwable t) {
        return redact(t, 0);
    }

    // Depth-bounded: a cause chain can be made cyclic with initCause.
    private static Throwable redact(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES) return null;
        if (!leaks(t, 0)) return t;
        Throwable cause = t.getCause() == t ? null : redact(t.getCause(), depth + 1);
        Redacted r = new Redacted(t.getClass().getName(), redact(t.getMessage()), cause);
        r.setStackTrace(t.getStackTrace());
        return r;
    }

    private static boolean leaks(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES) return false;
        String m = t.getMessage();
        return (m != null && !m.equals(redact(m))) || (t.getCause() != t && leaks(t.getCause(), depth + 1));
    }

    /** Prints as the exception it replaces ({@code java.io.IOException: reset by ****}). */
    private static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        Redacted(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey && ((ApiKey) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
