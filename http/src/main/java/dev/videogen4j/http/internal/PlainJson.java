package dev.videogen4j.http.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the plain JSON trees the adapters build for a request body ({@code Map<String, Object>} of strings,
 * numbers, booleans, lists and maps) straight onto the writer, byte for byte as Moshi's own {@code Object}
 * adapter does. Moshi's adapter looks up an adapter for the runtime class of every value it writes, which was a
 * visible share of each submit's CPU; a value of any other type still goes to Moshi's adapter, and reading is
 * Moshi's unchanged.
 *
 * <pre>{@code
 * Moshi moshi = new Moshi.Builder().add(PlainJson.FACTORY).add(BigDecimal.class, JsonValues.DECIMAL).build();
 * moshi.adapter(Object.class).toJson(Map.of("taskType", "videoInference"));   // {"taskType":"videoInference"}
 * }</pre>
 */
public final class PlainJson extends JsonAdapter<Object> {
    /** Add before any other {@code Object} adapter; BigDecimal values are written as {@link JsonValues#DECIMAL}. */
    public static final JsonAdapter.Factory FACTORY = PlainJson::create;

    private final JsonAdapter<Object> moshis;

    private PlainJson(JsonAdapter<Object> moshis) {
        this.moshis = moshis;
    }

    private static JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (type != Object.class || !annotations.isEmpty()) return null;
        return new PlainJson(moshi.nextAdapter(FACTORY, Object.class, annotations));
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
        return moshis.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
        // Each branch does what Moshi's standard adapter for that exact class does.
        if (value == null) {
            writer.nullValue();
        } else if (value instanceof String) {
            writer.value((String) value);
        } else if (value instanceof Boolean) {
            writer.value(((Boolean) value).booleanValue());
        } else if (value instanceof Integer || value instanceof Long) {
            writer.value(((Number) value).longValue());
        } else if (value instanceof Double) {
            writer.value(((Double) value).doubleValue());
        } else if (value instanceof BigDecimal) {
            writer.value((BigDecimal) value);
        } else if (value instanceof List) {
            writer.beginArray();
            for (Object element : (List<?>) value) toJson(writer, element);
            writer.endArray();
        } else if (value instanceof Map && stringKeys((Map<?, ?>) value)) {
            writer.beginObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                writer.name((String) e.getKey());
                toJson(writer, e.getValue());
            }
            writer.endObject();
        } else {
            moshis.toJson(writer, value);
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) return false;
        }
        return true;
    }
}
