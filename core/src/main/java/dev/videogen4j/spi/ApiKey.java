package dev.videogen4j.spi;

import dev.videogen4j.error.ConfigurationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An API key that does not leak: {@code toString()} prints {@code ApiKey[redacted]}, and {@link #reveal()} is the
 * only way to read it. Scrubbing a key out of texts is the job of its owner's {@link Redactor}
 * ({@code Redactor.of(key)}): the client that built the key scrubs everything its providers return or throw, and
 * forgets the key with its {@code close()}. Nothing in this class is shared between keys or clients.
 *
 * <p>A key with a character no HTTP header can carry (non-ASCII, a space, a newline) is refused by {@link #of} with
 * a {@link ConfigurationException} that does not print it.
 *
 * <pre>{@code
 * ApiKey key = ApiKey.of(System.getenv("FAL_KEY"));
 * request.header("Authorization", "Key " + key.reveal());   // the only place the value is read
 * String safe = Redactor.of(key).redact(vendorMessage);     // "invalid key ****"
 * }</pre>
 */
public final class ApiKey {
    private static final int MIN_ENCODED_LENGTH = 4;

    private final String value;

    private ApiKey(String value) {
        this.value = value;
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

    /** Every way an echo may spell this key, for its owner's {@link Redactor}. */
    List<String> forms() {
        return forms(value);
    }

    private static List<String> forms(String v) {
        Set<String> out = new LinkedHashSet<>();
        out.add(v);
        out.add(json(v));
        out.add(htmlSafeJson(json(v)));
        String form = URLEncoder.encode(v, StandardCharsets.UTF_8);
        out.add(form);
        out.add(form.replace("+", "%20"));
        out.add(form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~"));   // RFC 3986 percent-encoding
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

    // Gson and others escape these in JSON strings by default.
    private static String htmlSafeJson(String json) {
        StringBuilder b = new StringBuilder();
        for (char c : json.toCharArray()) {
            if (c == '<' || c == '>' || c == '&' || c == '=' || c == '\'') b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.toString();
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
