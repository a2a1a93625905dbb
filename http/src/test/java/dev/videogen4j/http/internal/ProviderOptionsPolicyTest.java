package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.error.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProviderOptionsPolicyTest {
    private static final ProviderOptionsPolicy POLICY = new ProviderOptionsPolicy(Set.of("taskUUID"),
            Map.of("duration", "durationSeconds", "prompt", "prompt"), Set.of("inputs"));

    private static List<String> rejected(Map<String, Object> options, Map<String, Object> target) {
        List<Violation> v = new ArrayList<>();
        POLICY.merge(options, target, v);
        return v.stream().map(Violation::field).collect(Collectors.toList());
    }

    @Test
    void guardsIgnoreCase() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("TaskUUID", "x");
        options.put("Duration", 10);
        options.put("DURATION", 10);
        options.put("PROMPT", "p".repeat(100_000));
        assertEquals(List.of("providerOptions.DURATION", "providerOptions.Duration", "providerOptions.PROMPT",
                "providerOptions.TaskUUID"), rejected(options, new LinkedHashMap<>()));
    }

    @Test
    void aMappedFieldCannotBeChangedRemovedOrShadowedByACaseVariant() {
        Map<String, Object> target = new LinkedHashMap<>(Map.of("cfg_scale", 0.5, "negative_prompt", "blur"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("cfg_scale", 99);
        options.put("negative_prompt", null);
        options.put("Negative_Prompt", "x");
        assertEquals(List.of("providerOptions.Negative_Prompt", "providerOptions.cfg_scale", "providerOptions.negative_prompt"),
                rejected(options, target));
        assertEquals(Map.of("cfg_scale", 0.5, "negative_prompt", "blur"), target);
    }

    @Test
    void newFieldsPassVerbatimAndTheSameValueIsNoConflict() {
        Map<String, Object> target = new LinkedHashMap<>(Map.of("seed", 7L, "inputs", new LinkedHashMap<>(Map.of("a", 1))));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("seed", 7.0);
        options.put("fx", List.of(1, 2));
        options.put("inputs", Map.of("b", true));
        options.put("absent", null);
        assertEquals(List.of(), rejected(options, target));
        assertEquals(Map.of("seed", 7L, "fx", List.of(1, 2), "inputs", Map.of("a", 1, "b", true)), target);
    }

    @Test
    void nonJsonValuesAreRejected() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("nan", Double.NaN);
        options.put("when", java.time.Instant.EPOCH);
        options.put("keys", Map.of(1, "x"));
        assertEquals(List.of("providerOptions.keys", "providerOptions.nan", "providerOptions.when"),
                rejected(options, new LinkedHashMap<>()));
    }
}
