package dev.videogen4j.fal.internal;

import dev.videogen4j.error.Violation;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code providerOptions} reach fal. A key starting with {@code x-} (any case: {@code X-Fal-Request-Timeout},
 * {@code X-Fal-Runner-Hint}, {@code x-app-fal-disable-fallback}) is sent as a request header, since fal takes
 * its platform parameters as headers and no model input field is named like one. Every other key is merged into
 * the input JSON verbatim, overriding a mapped field of the same name; a {@code null} value removes the field.
 * {@code duration} is the exception: it decides the price, so only the request's {@code durationSeconds} sets it.
 *
 * <pre>{@code
 * providerOptions(Map.of("X-Fal-Request-Timeout", 30, "cfg_scale", 0.7))
 * // header X-Fal-Request-Timeout: 30, input {"cfg_scale": 0.7, ...}
 * }</pre>
 */
final class FalProviderOptions {
    private static final String TOKEN = "!#$%&'*+.^_`|~-";

    private FalProviderOptions() {
    }

    static void merge(Map<String, Object> options, Map<String, Object> input, Map<String, String> headers,
                      List<Violation> v) {
        options.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).startsWith("x-")) {
                header(key, value, headers, v);
            } else if (key.equals("duration")) {
                // What a job costs: through an option it would bypass validation and the quote.
                v.add(new Violation("providerOptions.duration", String.valueOf(value),
                        "nothing: set it with the request's durationSeconds, which is validated and quoted before sending"));
            } else if (value == null) {
                input.remove(key);
            } else {
                Object json = json(value);
                if (json == null) {
                    v.add(new Violation("providerOptions." + key, value.getClass().getName(),
                            "a JSON value: string, number, boolean, list or map (of those)"));
                } else {
                    input.put(key, json);
                }
            }
        });
    }

    private static void header(String name, Object value, Map<String, String> headers, List<Violation> v) {
        String text = value == null ? null : value.toString();
        if (!isToken(name) || text == null || !isHeaderValue(text)) {
            v.add(new Violation("providerOptions." + name, text, "a header name and a printable ASCII value on one line"));
            return;
        }
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));   // a request beats a client setting
        headers.put(name, text);
    }

    /** The value with its containers copied, or {@code null} when something in it has no JSON form. */
    private static Object json(Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number) {
            return number((Number) value);
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                Object inner = e.getValue() == null ? null : json(e.getValue());
                if (!(e.getKey() instanceof String) || (e.getValue() != null && inner == null)) {
                    return null;
                }
                out.put((String) e.getKey(), inner);
            }
            return out;
        }
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection) {
            items.addAll((Collection<?>) value);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        } else {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object inner = item == null ? null : json(item);
            if (item != null && inner == null) {
                return null;
            }
            out.add(inner);
        }
        return out;
    }

    /** JSON has no NaN or infinity; exotic Number types are written through their decimal form. */
    private static Object number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : n;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigDecimal || n instanceof java.math.BigInteger) {
            return n;
        }
        try {
            return new java.math.BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || TOKEN.indexOf(c) >= 0));
    }

    private static boolean isHeaderValue(String s) {
        return s.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }
}
