package dev.videogen4j.spi;

import dev.videogen4j.error.ConfigurationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An API key that does not leak: {@code toString()} prints {@code ApiKey[redacted]}, and {@link #redact(String)}
 * scrubs every key in use out of a text, so a provider that echoes a key in an error body cannot put it into an
 * exception message, a log line or CLI output. A key is scrubbed in every form an echo may take: as is, in any
 * letter case, JSON-escaped, URL-encoded, base64 (at any alignment), and each half of a {@code id:secret} key (fal).
 *
 * <p>A key is in use from {@link #of} until {@link #release()}: the client that built it releases it when it is
 * closed, so redaction belongs to the client owning the key and ends with its {@code close()} — there is no set of
 * every key ever seen. A key with a character no HTTP header can carry (non-ASCII, a space, a newline) is refused
 * by {@link #of} with a {@link ConfigurationException} that does not print it.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.of(System.getenv("FAL_KEY"));
 * request.header("Authorization", "Key " + key.reveal());   // the only place the value is read
 * key.release();                                             // when the client that owns it closes
 * }</pre>
 */
public final class ApiKey {
    // The forms of every key in use, with how many live keys share each: two clients may hold the same key.
    private static final Map<String, Integer> IN_USE = new ConcurrentHashMap<>();
    private static final int MIN_ENCODED_LENGTH = 4;
    private static final int MAX_CAUSES = 20;

    private final String value;
    private final List<String> forms;
    private final AtomicBoolean released = new AtomicBoolean();

    private ApiKey(String value) {
        this.value = value;
        this.forms = forms(value);
        forms.forEach(f -> IN_USE.merge(f, 1, Integer::sum));
    }

    /**
     * @throws ConfigurationException when the key is blank or holds a character an HTTP header cannot carry; the
     *                                message names the position and kind, never the key
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "api key == null");
        String v = value.trim();
        if (v.isEmpty()) {
            throw new ConfigurationException("API key is blank");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                String kind = c > 0x7e ? "a non-ASCII character" : c == ' ' ? "a space" : "a control character (a line break?)";
                throw new ConfigurationException("API key (" + v.length() + " characters) has " + kind + " at position "
                        + (i + 1) + ", which no HTTP header can carry; check how it was copied (the key is not shown)");
            }
        }
        return new ApiKey(v);
    }

    /** The secret itself, for the authentication header and nothing else. */
    public String reveal() {
        return value;
    }

    /** Ends this key's use: texts are no longer scrubbed of it (unless another live key has the same value). */
    public void release() {
        if (released.compareAndSet(false, true)) {
            forms.forEach(f -> IN_USE.computeIfPresent(f, (k, n) -> n <= 1 ? null : n - 1));
        }
    }

    // Every way an echo may spell the key, longest first so a longer form is replaced before a part of it.
    private static List<String> forms(String v) {
        Set<String> out = new LinkedHashSet<>();
        out.add(v);
        out.add(json(v));
        out.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
        out.add(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        for (int pad = 0; pad < 3; pad++) {
            byte[] shifted = new byte[pad + bytes.length];
            System.arraycopy(bytes, 0, shifted, pad, bytes.length);
            for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String b = enc.withoutPadding().encodeToString(shifted);
                // Characters that depend on the bytes before or after the key are left out: the rest is
                // the same wherever the key sits in the encoded text.
                int from = pad == 0 ? 0 : pad == 1 ? 2 : 3;
                int to = b.length() - ((pad + bytes.length) % 3 == 0 ? 0 : 1);
                if (to - from >= MIN_ENCODED_LENGTH) out.add(b.substring(from, to));
            }
        }
        int colon = v.indexOf(':');
        if (colon > 0 && colon < v.length() - 1) {
            out.add(v.substring(colon + 1));   // fal's key_secret alone
            out.add(v.substring(0, colon));
        }
        List<String> sorted = new ArrayList<>();
        for (String f : out) {
            if (f.equals(v) || f.length() >= MIN_ENCODED_LENGTH) sorted.add(f);
        }
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(sorted);
    }

    private static String json(String v) {
        StringBuilder b = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\' || c == '/') b.append('\\').append(c);
            else b.append(c);
        }
        return b.toString();
    }

    /** {@code text} with every form of every key in use replaced by {@code ****}, ignoring letter case. */
    public static String redact(String text) {
        if (text == null || IN_USE.isEmpty()) {
            return text;
        }
        List<String> all = new ArrayList<>(IN_USE.keySet());
        all.sort((x, y) -> Integer.compare(y.length(), x.length()));
        String out = text;
        for (String form : all) {
            out = replaceIgnoringCase(out, form);
        }
        return out;
    }

    private static String replaceIgnoringCase(String text, String form) {
        StringBuilder b = null;
        int from = 0;
        for (int i = 0; i + form.length() <= text.length(); ) {
            if (text.regionMatches(true, i, form, 0, form.length())) {
                if (b == null) b = new StringBuilder(text.length());
                b.append(text, from, i).append("****");
                i += form.length();
                from = i;
            } else {
                i++;
            }
        }
        return b == null ? text : b.append(text, from, text.length()).toString();
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
