package dev.videogen4j.spi;

import dev.videogen4j.Workflow;
import dev.videogen4j.internal.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the parts of a catalog entry that have their own small grammar: the wire mapping and the pricing. */
final class CatalogParts {
    private CatalogParts() {
    }

    /**
     * A {@code "wire"} object: neutral field name to a path string, or {@code {"to": path|[paths], "as": format,
     * "workflows": [...], "required": [...]}}, or {@code null} to remove a field inherited from the file's default.
     */
    static Map<RequestField, WireField> wire(Map<String, Object> w) {
        Map<RequestField, WireField> out = new LinkedHashMap<>();
        if (w == null) return out;
        w.forEach((name, spec) -> {
            RequestField f = RequestField.parse(name);
            try {
                out.put(f, spec == null ? null : field(spec));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static WireField field(Object spec) {
        if (spec instanceof String) return WireField.of((String) spec);
        if (!(spec instanceof Map)) throw new IllegalArgumentException("expected a path or an object, got " + Json.write(spec));
        Map<String, Object> m = (Map<String, Object>) spec;
        Object to = m.get("to");
        List<String> paths = to == null ? List.of() : to instanceof Collection
                ? ((Collection<Object>) to).stream().map(String::valueOf).toList() : List.of(String.valueOf(to));
        WireFormat as = m.get("as") == null ? WireFormat.VALUE : WireFormat.parse(String.valueOf(m.get("as")));
        return new WireField(paths, as, workflows(m.get("workflows")), workflows(m.get("required")));
    }

    @SuppressWarnings("unchecked")
    static Set<Workflow> workflows(Object names) {
        Set<Workflow> s = EnumSet.noneOf(Workflow.class);
        if (names instanceof Collection) ((Collection<Object>) names).forEach(n -> s.add(Workflow.parse(String.valueOf(n))));
        else if (names != null) throw new IllegalArgumentException("expected a JSON array of workflows");
        return s;
    }

    /**
     * A {@code "pricing"} object: {@code {"unknown": "why"}}, or {@code "perSecond"} as a number or an object by
     * resolution/audio, {@code "byResolution"}, {@code "perVideo"}, {@code "source"}, {@code "asOf": "2026-12-01"}.
     */
    @SuppressWarnings("unchecked")
    static Pricing pricing(Map<String, Object> p) {
        if (p == null) return Pricing.unknown("no price in the catalog");
        if (p.containsKey("unknown")) return Pricing.unknown(String.valueOf(p.get("unknown")));
        Map<String, BigDecimal> byRes = new LinkedHashMap<>();
        BigDecimal flat = null;
        Object perSecond = p.get("perSecond");
        if (perSecond instanceof Map) {
            ((Map<String, Object>) perSecond).forEach((k, v) -> byRes.put(k, number(v)));
        } else if (perSecond != null) {
            flat = number(perSecond);
        }
        if (p.get("byResolution") instanceof Map) {
            ((Map<String, Object>) p.get("byResolution")).forEach((k, v) -> byRes.put(k, number(v)));
        }
        Map<String, BigDecimal> perVideo = new LinkedHashMap<>();
        if (p.get("perVideo") instanceof Map) {
            ((Map<String, Object>) p.get("perVideo")).forEach((k, v) -> perVideo.put(k, number(v)));
        }
        return new Pricing(flat, byRes, perVideo, p.get("source") == null ? "catalog" : String.valueOf(p.get("source")),
                date(p.get("asOf")));
    }

    static LocalDate date(Object v) {
        if (v == null) return null;
        try {
            return LocalDate.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected a date like 2026-12-01, got " + Json.write(v), e);
        }
    }

    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal) return (BigDecimal) v;
        throw new IllegalArgumentException("expected a number, got " + Json.write(v));
    }

    /** {@code "imageInput": {"maxBytes": .., "formats": [..], "minWidth": .., ...}}; absent means undocumented. */
    static ImageLimits imageLimits(Map<String, Object> m) {
        if (m == null) return ImageLimits.UNDOCUMENTED;
        for (String k : m.keySet()) {
            if (!IMAGE_KEYS.contains(k)) throw new IllegalArgumentException("unknown key \"" + k + "\" (known: " + IMAGE_KEYS + ")");
        }
        Object f = m.get("formats");
        if (f != null && !(f instanceof Collection)) throw new IllegalArgumentException("formats: expected a JSON array");
        Set<String> formats = new java.util.LinkedHashSet<>();
        if (f != null) ((Collection<?>) f).forEach(x -> formats.add(String.valueOf(x)));
        return new ImageLimits(m.get("maxBytes") == null ? null : whole(m.get("maxBytes"), "maxBytes").longValueExact(),
                formats, pixels(m, "minWidth"), pixels(m, "maxWidth"), pixels(m, "minHeight"), pixels(m, "maxHeight"),
                m.get("source") == null ? null : String.valueOf(m.get("source")));
    }

    private static final Set<String> IMAGE_KEYS = Set.of("maxBytes", "formats", "minWidth", "maxWidth", "minHeight",
            "maxHeight", "source");

    private static Integer pixels(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : whole(m.get(key), key).intValueExact();
    }

    private static BigDecimal whole(Object v, String key) {
        BigDecimal n = number(v);
        if (n.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException(key + ": expected a whole number, got " + n);
        return n;
    }
}
