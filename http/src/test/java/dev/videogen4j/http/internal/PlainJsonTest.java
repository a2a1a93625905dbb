package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PlainJsonTest {
    private static final Moshi STANDARD = new Moshi.Builder().add(BigDecimal.class, JsonValues.DECIMAL)
            .add(BigInteger.class, JsonValues.NUMBER).build();
    private static final Moshi FAST = new Moshi.Builder().add(PlainJson.FACTORY).add(BigDecimal.class, JsonValues.DECIMAL)
            .add(BigInteger.class, JsonValues.NUMBER).build();

    @Test
    void writesARequestBodyByteForByteAsMoshisOwnAdapter() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("generateAudio", true);
        inner.put("seed", new BigDecimal("18446744073709551615"));
        inner.put("dropped", null);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskType", "videoInference");
        task.put("positivePrompt", "a \"quoted\" glide\n\u00e9\u2028");
        task.put("duration", 5);
        task.put("big", 9_007_199_254_740_993L);
        task.put("CFGScale", 0.6);
        task.put("ratio", 1.5f);
        task.put("whole", 2.0);
        task.put("huge", new BigInteger("123456789012345678901234567890"));
        task.put("frameImages", List.of(Map.of("inputImage", "https://x.test/a.jpg"), List.of(1, "two")));
        task.put("providerSettings", Map.of("kling", inner));
        task.put("unit", TimeUnit.SECONDS);
        task.put("set", new LinkedHashSet<>(List.of("a", "b")));
        task.put("numberKeys", Map.of(1, "one"));
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("x");
        task.put("sparse", withNull);

        assertEquals(json(STANDARD, task), json(FAST, task));
        assertFalse(json(FAST, task).contains("dropped"), "a null value is left out, as Moshi leaves it out");
    }

    @Test
    void readsAsMoshiDoes() throws Exception {
        String body = "{\"a\":[1,2.5,{\"b\":null}],\"c\":\"d\",\"e\":true}";
        assertEquals(STANDARD.adapter(Object.class).fromJson(body), FAST.adapter(Object.class).fromJson(body));
    }

    private static String json(Moshi moshi, Map<String, Object> task) {
        JsonAdapter<List<Map<String, Object>>> tasks = moshi.adapter(Types.newParameterizedType(List.class,
                Types.newParameterizedType(Map.class, String.class, Object.class)));
        return tasks.toJson(List.of(task));
    }
}
