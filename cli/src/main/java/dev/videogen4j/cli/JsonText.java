package dev.videogen4j.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Compact JSON of the plain values the commands build ({@code --json}): maps, lists, strings, numbers, booleans,
 * null, and anything else as its {@code toString()}. Written with Moshi's streaming writer, so escaping is Moshi's;
 * prices are written as plain decimals ({@code 0.0000001}, never {@code 1E-7}).
 *
 * <pre>{@code
 * out.println(JsonText.of(Map.of("provider", "fal", "usd", new BigDecimal("0.42"))));
 * }</pre>
 */
final class JsonText {
    private JsonText() {
    }

    static String of(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);    // a missing value is shown as null, not dropped with its name
            write(w, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);    // a Buffer does not fail
        }
        return buffer.readUtf8();
    }

    private static void write(JsonWriter w, Object v) throws IOException {
        if (v == null) {
            w.nullValue();
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof Boolean b) {
            w.value(b);
        } else if (v instanceof BigDecimal d) {
            try (BufferedSink sink = w.valueSink()) {
                sink.writeUtf8(d.toPlainString());
            }
        } else if (v instanceof Number n) {
            w.value(n);
        } else if (v instanceof Map<?, ?> map) {
            w.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                w.name(String.valueOf(e.getKey()));
                write(w, e.getValue());
            }
            w.endObject();
        } else if (v instanceof Iterable<?> items) {
            w.beginArray();
            for (Object item : items) write(w, item);
            w.endArray();
        } else {
            w.value(v.toString());
        }
    }
}
