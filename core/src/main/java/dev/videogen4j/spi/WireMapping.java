package dev.videogen4j.spi;

import dev.videogen4j.VideoRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's wire mapping: for each neutral field it accepts, where and how it goes on the vendor's wire, in the
 * order the fields are written. It is catalog data ({@code "wire"} in a catalog entry, merged over the file's
 * top-level {@code "wire"}), so a new model on an existing vendor needs no code.
 *
 * <pre>{@code
 * WireMapping wire = model.wire();
 * wire.field(RequestField.DURATION_SECONDS);                 // Optional[to=[duration], as=string]
 * Map<String, Object> input = new LinkedHashMap<>();
 * WireMapping.put(input, "providerSettings.google.generateAudio", true);
 * // {"providerSettings": {"google": {"generateAudio": true}}}
 * }</pre>
 */
public final class WireMapping {
    private static final WireMapping NONE = new WireMapping(new LinkedHashMap<>());

    private static final RequestField[] ALL = RequestField.values();

    private final Map<RequestField, WireField> fields;
    // The same fields in enum order, fixed once: unmapped and missing run for every request validated and sent.
    private final EnumMap<RequestField, WireField> byField = new EnumMap<>(RequestField.class);

    private WireMapping(LinkedHashMap<RequestField, WireField> fields) {
        this.fields = Collections.unmodifiableMap(fields);
        this.byField.putAll(fields);
    }

    /** No mapping: the adapter's own default applies. */
    public static WireMapping none() {
        return NONE;
    }

    /** A mapping in the iteration order of {@code fields}. */
    public static WireMapping of(Map<RequestField, WireField> fields) {
        return new WireMapping(new LinkedHashMap<>(fields));
    }

    /** Neutral field to wire field, in wire order. */
    public Map<RequestField, WireField> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Optional<WireField> field(RequestField f) {
        return Optional.ofNullable(fields.get(f));
    }

    /**
     * This mapping with {@code overrides} applied: a field given there replaces this one's in place, a new one is
     * appended, and one given as {@code null} (a {@code Map} value) is removed.
     */
    public WireMapping with(Map<RequestField, WireField> overrides) {
        LinkedHashMap<RequestField, WireField> out = new LinkedHashMap<>(fields);
        overrides.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return new WireMapping(out);
    }

    /** The fields the request sets that this mapping cannot write for the request's workflow, in enum order. */
    public List<RequestField> unmapped(VideoRequest r) {
        List<RequestField> out = List.of();
        for (RequestField f : ALL) {
            WireField w = byField.get(f);
            if (f.valueIn(r) != null && (w == null || !w.appliesTo(r.workflow()))) out = with(out, f);
        }
        return out;
    }

    /** The fields a request of this workflow must set but does not. */
    public List<RequestField> missing(VideoRequest r) {
        List<RequestField> out = List.of();
        for (RequestField f : ALL) {   // not byField.entrySet(): its iterator makes an entry object per field
            WireField w = byField.get(f);
            if (w == null || !w.required().contains(r.workflow())) continue;
            boolean given = f.valueIn(r) != null || (f == RequestField.SIZE && r.aspectRatio() != null);
            if (!given) out = with(out, f);
        }
        return out;
    }

    // Most requests have nothing to report: the empty list is shared, a list is made only for a finding.
    private static List<RequestField> with(List<RequestField> out, RequestField f) {
        List<RequestField> grown = out.isEmpty() ? new ArrayList<>() : out;
        grown.add(f);
        return grown;
    }

    /** Puts {@code value} at a dotted path, creating the objects on the way: {@code a.b.c}. */
    public static void put(Map<String, Object> target, String path, Object value) {
        int dot = path.lastIndexOf('.');
        (dot < 0 ? target : object(target, path.substring(0, dot))).put(path.substring(dot + 1), value);
    }

    /** Appends {@code value} to the list at a dotted path, creating it: Runware's {@code inputs.frameImages}. */
    @SuppressWarnings("unchecked")
    public static void append(Map<String, Object> target, String path, Object value) {
        int dot = path.lastIndexOf('.');
        Map<String, Object> parent = dot < 0 ? target : object(target, path.substring(0, dot));
        Object list = parent.get(path.substring(dot + 1));
        if (!(list instanceof List)) {
            list = new ArrayList<>();
            parent.put(path.substring(dot + 1), list);
        }
        ((List<Object>) list).add(value);
    }

    // The object at a dotted path, created (and anything else there replaced) where missing.
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> target, String path) {
        Map<String, Object> m = target;
        for (String part : path.split("\\.")) {
            Object next = m.get(part);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(part, next);
            }
            m = (Map<String, Object>) next;
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireMapping && ((WireMapping) o).fields.equals(fields)
                && List.copyOf(((WireMapping) o).fields.keySet()).equals(List.copyOf(fields.keySet()));
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
