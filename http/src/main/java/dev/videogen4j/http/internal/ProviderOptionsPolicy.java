package dev.videogen4j.http.internal;

import dev.videogen4j.error.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one rule by which a request's {@code providerOptions} reach a vendor's JSON, for every adapter. Options are
 * passed through verbatim, but never silently change what was validated or quoted:
 * <ol>
 *   <li>a field the adapter owns (the job id, the delivery mode) cannot be set: "the adapter sets it itself";</li>
 *   <li>a guarded field (one that decides the price or is validated against the model: duration, model, prompt,
 *       images) can only be set by the request's own field, even when the request left it unset (repeating the
 *       value the request set is no conflict);</li>
 *   <li>an option naming a field already set from the request must carry the same value; a {@code null} cannot
 *       remove it;</li>
 *   <li>a value must be plain JSON (no dates, no NaN);</li>
 *   <li>names are compared without regard to case ({@code TaskUUID}, {@code DURATION} are the same field), since
 *       some vendors' parsers are case-insensitive and a case variant would otherwise slip past the guards.</li>
 * </ol>
 * Every problem is reported, in key order, as a {@link Violation} naming {@code providerOptions.<key>}.
 *
 * <pre>{@code
 * ProviderOptionsPolicy p = new ProviderOptionsPolicy(Set.of("taskUUID"), Map.of("duration", "durationSeconds"), Set.of("inputs"));
 * p.merge(request.providerOptions(), task, problems);
 * }</pre>
 *
 * @param adapterFields fields the adapter sets itself
 * @param guarded       guarded field to the request field that sets it
 * @param nested        fields whose object value merges key by key (Runware's {@code inputs})
 */
public record ProviderOptionsPolicy(Set<String> adapterFields, Map<String, String> guarded, Set<String> nested) {
    private static final int MAX_VALUE_CHARS = 80;

    public ProviderOptionsPolicy {
        adapterFields = lower(adapterFields);
        Map<String, String> g = new TreeMap<>();
        guarded.forEach((k, v) -> g.put(k.toLowerCase(Locale.ROOT), v));
        guarded = Map.copyOf(g);
        nested = lower(nested);
    }

    /** Merges {@code options} into {@code target}, adding a violation for each option that may not go there. */
    public void merge(Map<String, Object> options, Map<String, Object> target, List<Violation> problems) {
        // Sorted: request records hold options in a Map.copyOf, whose order changes from one JVM run to the next.
        for (Map.Entry<String, Object> e : new TreeMap<>(options).entrySet()) {
            String key = e.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            Object value = e.getValue();
            String field = "providerOptions." + key;
            if (!JsonValues.isJson(value)) {
                problems.add(new Violation(field, value.getClass().getName(),
                        "JSON values only: null, String, Number, Boolean, Map<String, ?>, List"));
            } else if (adapterFields.contains(lower)) {
                problems.add(new Violation(field, render(value), "nothing: the adapter sets " + key + " itself"));
            } else if (guarded.containsKey(lower) && !(target.containsKey(key) && sameJson(target.get(key), value))) {
                problems.add(new Violation(field, render(value), "nothing: set it with the request's "
                        + guarded.get(lower) + ", which is validated and quoted before sending"));
            } else if (guarded.containsKey(lower)) {
                continue;   // the request set exactly this value already
            } else if (nested.contains(lower) && value instanceof Map && target.get(key) instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ours = (Map<String, Object>) target.get(key);
                new TreeMap<>((Map<?, ?>) value).forEach((k, v) -> put(ours, String.valueOf(k), v, field + "." + k, problems));
            } else {
                put(target, key, value, field, problems);
            }
        }
    }

    private static void put(Map<String, Object> target, String key, Object value, String field, List<Violation> problems) {
        String existing = target.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
        if (existing == null) {
            if (value != null) target.put(key, JsonValues.copy(value));
        } else if (!existing.equals(key) || !sameJson(target.get(existing), value)) {
            problems.add(new Violation(field, render(value), "nothing different from " + existing + " = "
                    + render(target.get(existing)) + ", already set from the request; set it in one place"));
        }
    }

    private static boolean sameJson(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            BigDecimal x = JsonValues.decimal(a.toString());
            BigDecimal y = JsonValues.decimal(b.toString());
            return x != null && y != null && x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A value as a message shows it: whole doubles without ".0", long values (a data URI) cut. */
    public static String render(Object v) {
        String s = v instanceof Double && Double.isFinite((Double) v) && (Double) v == Math.rint((Double) v)
                ? BigDecimal.valueOf((Double) v).toBigInteger().toString() : String.valueOf(v);
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "...(" + s.length() + " chars)";
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
