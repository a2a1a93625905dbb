package dev.videogen4j.http.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON helpers the adapters share: an exact decimal adapter for Moshi, and the conversion of an application's
 * {@code providerOptions} value into plain JSON (or the verdict that it has none).
 *
 * <pre>{@code
 * Moshi moshi = new Moshi.Builder().add(BigDecimal.class, JsonValues.DECIMAL).build();
 * Object json = JsonValues.copy(Map.of("glow", List.of(1, 2)));   // null when something in it is not JSON
 * }</pre>
 */
public final class JsonValues {
    /** Longest number text read as a decimal: {@code 1e999999999} or a million digits is a hostile answer. */
    public static final int MAX_NUMBER_CHARS = 64;

    /**
     * Reads numbers as written ("0.1848" stays 0.1848, a 19-digit seed stays exact), which doubles cannot promise
     * for costs and seeds. A number the vendor garbled (text over {@link #MAX_NUMBER_CHARS} characters, an exponent
     * out of {@code [-999, 999]} such as {@code 1e999999999}, {@code "NaN"}) is read as {@code null}, unknown: a
     * {@code BigDecimal} of {@code 1e99999999} costs a thread a minute of CPU as soon as anyone adds or prints it,
     * and one bad number is no reason to lose a paid job. Objects, arrays and booleans are still a shape error.
     */
    public static final JsonAdapter<BigDecimal> DECIMAL = new JsonAdapter<BigDecimal>() {
        @Override
        public BigDecimal fromJson(JsonReader reader) throws IOException {
            JsonReader.Token token = reader.peek();
            if (token == JsonReader.Token.NULL) return reader.nextNull();
            if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
                throw new JsonDataException("Expected a number but was " + token + " at path " + reader.getPath());
            }
            return decimal(reader.nextString());
        }

        @Override
        public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            writer.value(value);
        }
    };

    /** The same reading for {@code BigInteger} fields and options. */
    public static final JsonAdapter<Number> NUMBER = new JsonAdapter<Number>() {
        @Override
        public Number fromJson(JsonReader reader) throws IOException {
            return DECIMAL.fromJson(reader);
        }

        @Override
        public void toJson(JsonWriter writer, Number value) throws IOException {
            writer.value(value);
        }
    };

    private JsonValues() {
    }

    /** {@code text} as a bounded decimal, or {@code null} when it is not a number or out of bounds. */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_NUMBER_CHARS) return null;
        try {
            BigDecimal d = new BigDecimal(text.trim());
            long exponent = (long) d.precision() - d.scale() - 1;   // the power of ten of the leading digit
            return d.signum() != 0 && Math.abs(exponent) > 999 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A JSON copy of a non-null application value (containers copied, arrays as lists), or {@code null} when
     * something in it has no JSON form (a date, NaN, a map with non-string keys). Nulls inside containers stay.
     */
    public static Object copy(Object value) {
        return value == null ? null : copyOrMissing(value);
    }

    /** Whether {@code value} is JSON: null, or something {@link #copy} accepts. */
    public static boolean isJson(Object value) {
        return value == null || copyOrMissing(value) != null;
    }

    private static Object copyOrMissing(Object value) {
        if (value instanceof String || value instanceof Boolean) return value;
        if (value instanceof Number) return number((Number) value);
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) return null;
                Object inner = e.getValue() == null ? null : copyOrMissing(e.getValue());
                if (e.getValue() != null && inner == null) return null;
                out.put((String) e.getKey(), inner);
            }
            return out;
        }
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection) {
            items.addAll((Collection<?>) value);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) items.add(Array.get(value, i));
        } else {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object inner = item == null ? null : copyOrMissing(item);
            if (item != null && inner == null) return null;
            out.add(inner);
        }
        return out;
    }

    /** JSON has no NaN or infinity; exotic Number types are written through their decimal form. */
    private static Object number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return Double.isFinite(n.doubleValue()) ? n : null;
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigDecimal || n instanceof BigInteger) {
            return n;
        }
        return decimal(n.toString());
    }

}
