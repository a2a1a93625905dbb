package dev.videogen4j.emulator.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;

/**
 * Untyped JSON through Moshi's streaming API. The emulator validates raw wire values (a duration
 * sent as {@code 5} versus {@code "5"} matters), so it reads plain maps and lists rather than
 * binding to classes. Parsed numbers are {@link Double}s.
 */
public final class Json {
    private Json() {}

    /** Thrown for a body that is not one complete JSON value. */
    public static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    public static Object parse(byte[] body) throws ParseException {
        try {
            JsonReader reader = JsonReader.of(new Buffer().write(body));
            Object value = reader.readJsonValue();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new ParseException("trailing data after the JSON value");
            }
            return value;
        } catch (IOException | JsonDataException e) {
            throw new ParseException(e.getMessage());
        }
    }

    public static byte[] write(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.setSerializeNulls(true); // an explicit null is wire data (fal's "logs": null)
            writer.jsonValue(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a Buffer never throws
        }
        return buffer.readByteArray();
    }

    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** An insertion-ordered object from alternating keys and values; null values are left out. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** True for a JSON number without a fractional part. */
    public static boolean isInteger(Object value) {
        return value instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    /** A BigDecimal that Moshi prints without exponent or trailing zeros: 0.70 → 0.7, 10 → 10. */
    public static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
