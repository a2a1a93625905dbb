package dev.videogen4j.fal.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.videogen4j.http.internal.JsonValues;
import dev.videogen4j.http.internal.PlainJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The adapter's one Moshi instance and the few helpers its mappers share. Bodies are read from strings we
 * already hold, so a malformed body is a parse error here, never an I/O error from the transport.
 */
public final class FalJson {
    public static final Moshi MOSHI = new Moshi.Builder()
            .add(PlainJson.FACTORY)
            .add(BigDecimal.class, JsonValues.DECIMAL)
            .add(BigInteger.class, JsonValues.NUMBER)
            .build();

    private static final JsonAdapter<Map<String, Object>> MAP =
            MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);

    // Each read used to ask Moshi for its adapter (a synchronized cache keyed by a new list): once per class now.
    private static final ClassValue<JsonAdapter<?>> ADAPTERS = new ClassValue<>() {
        @Override
        protected JsonAdapter<?> computeValue(Class<?> type) {
            return MOSHI.adapter(type);
        }
    };

    private FalJson() {
    }

    /** Reads {@code body} as {@code type}; {@link FalParseException} when it is not that JSON. */
    public static <T> T read(Class<T> type, String body) {
        try {
            @SuppressWarnings("unchecked")
            T value = ((JsonAdapter<T>) ADAPTERS.get(type)).fromJson(body);
            if (value == null) {
                throw new FalParseException("body is JSON null");
            }
            return value;
        } catch (IOException | JsonDataException e) {
            throw new FalParseException(e.getMessage(), e);
        }
    }

    /** Reads any JSON value (maps, lists, strings, doubles, booleans); {@link FalParseException} if malformed. */
    public static Object readAny(String body) {
        try {
            return ANY.fromJson(body);
        } catch (IOException | JsonDataException e) {
            throw new FalParseException(e.getMessage(), e);
        }
    }

    /** Compact JSON for a request input; keys with null values are omitted. */
    public static String write(Map<String, Object> input) {
        return MAP.toJson(input);
    }

    /** A JSON value as text for messages: strings as is, integral numbers without ".0", lists comma-joined. */
    public static String text(Object value) {
        if (value instanceof Double && ((Double) value) == Math.rint((Double) value) && !((Double) value).isInfinite()) {
            return Long.toString(((Double) value).longValue());
        }
        if (value instanceof List) {
            StringBuilder b = new StringBuilder();
            for (Object o : (List<?>) value) {
                b.append(b.length() == 0 ? "" : ", ").append(text(o));
            }
            return b.toString();
        }
        if (value instanceof Map) {
            return ANY.toJson(value);
        }
        return String.valueOf(value);
    }

    /** {@code text} cut to a length fit for an exception message (a data URI can be megabytes). */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    /** A body that is not the JSON we expected (an HTML page, truncated JSON, a missing field). */
    public static final class FalParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FalParseException(String message) {
            super(message);
        }

        public FalParseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
