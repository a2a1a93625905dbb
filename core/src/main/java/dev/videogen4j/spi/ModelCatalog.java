package dev.videogen4j.spi;

import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a model catalog: the JSON format every adapter ships its capability matrix in, and the format of a
 * user's own override file ({@code VIDEOGEN4J_MODELS_FILE}).
 *
 * <pre>{@code
 * {"provider": "runware", "models": [{
 *   "id": "klingai:6@0", "family": "kling-2.5-turbo-standard", "name": "KlingAI 2.5 Turbo Standard",
 *   "workflows": ["i2v"], "durations": [5, 10], "dimensions": [], "aspectRatios": [], "fps": 30,
 *   "cfgScale": {"min": 0, "max": 1}, "prompt": {"min": 2, "max": 2500, "requiredFor": ["t2v"]},
 *   "negativePrompt": {"min": 2, "max": 2500}, "frameImages": ["first"],
 *   "unsupported": {"width": "dimensions come from the first frame image"},
 *   "maxResults": 4, "outputFormats": ["MP4", "WEBM", "MOV"], "outputQuality": {"min": 20, "max": 99},
 *   "pricing": {"perSecond": 0.042, "source": "https://runware.ai/docs/models/klingai-2-5-turbo-standard"},
 *   "options": {}
 * }]}
 * }</pre>
 *
 * <p>Absent {@code cfgScale}, {@code negativePrompt} or {@code outputQuality} mean the model does not take that
 * field; {@code "pricing": {"unknown": "why"}} marks an undocumented price. Use it from an adapter:
 *
 * <pre>{@code
 * List<ModelCapabilities> models = ModelCatalog.load(RunwareProvider.class, "/dev/videogen4j/runware/models.json");
 * }</pre>
 */
public final class ModelCatalog {
    private ModelCatalog() {
    }

    /** Loads a catalog bundled as a class-path resource next to {@code anchor}. */
    public static List<ModelCapabilities> load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException("Model catalog " + resource + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read model catalog " + resource, e);
        }
    }

    /**
     * Parses catalog JSON.
     *
     * @param origin named in error messages (a resource or file name)
     * @throws ConfigurationException naming the origin, the model and the field when the catalog is malformed
     */
    public static List<ModelCapabilities> parse(String json, String origin) {
        Map<String, Object> root;
        try {
            root = asMap(Json.parse(json), "catalog");
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Model catalog " + origin + " is not valid JSON: " + e.getMessage(), e);
        }
        String provider = text(root, "provider", null);
        List<ModelCapabilities> out = new ArrayList<>();
        for (Object o : list(root, "models")) {
            Map<String, Object> m = asMap(o, "model");
            String id = text(m, "id", null);
            try {
                out.add(model(text(m, "provider", provider), m));
            } catch (RuntimeException e) {
                throw new ConfigurationException("Model catalog " + origin + ", model '" + id + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ModelCapabilities model(String provider, Map<String, Object> m) {
        if (provider == null) throw new IllegalArgumentException("no provider named (top-level \"provider\")");
        Map<String, Object> prompt = optMap(m, "prompt");
        return new ModelCapabilities(provider, required(m, "id"), required(m, "family"), text(m, "name", null),
                workflows(list(m, "workflows")),
                list(m, "durations").stream().map(d -> ((BigDecimal) d).intValueExact()).collect(Collectors.toList()),
                list(m, "dimensions").stream().map(d -> Dimension.parse((String) d)).collect(Collectors.toList()),
                list(m, "aspectRatios").stream().map(String::valueOf).collect(Collectors.toList()),
                m.get("fps") == null ? null : ((BigDecimal) m.get("fps")).intValue(),
                range(m, "cfgScale"),
                prompt == null ? null : range(prompt),
                prompt == null ? EnumSet.of(Workflow.TEXT_TO_VIDEO) : workflows(list(prompt, "requiredFor")),
                range(m, "negativePrompt"),
                list(m, "frameImages").stream().map(f -> FramePosition.valueOf(((String) f).toUpperCase(java.util.Locale.ROOT)))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FramePosition.class))),
                stringMap(optMap(m, "unsupported")),
                m.get("maxResults") == null ? 1 : ((BigDecimal) m.get("maxResults")).intValue(),
                formats(m),
                range(m, "outputQuality"),
                pricing(optMap(m, "pricing")),
                optMap(m, "options"));
    }

    private static Set<Workflow> workflows(List<Object> names) {
        Set<Workflow> s = EnumSet.noneOf(Workflow.class);
        names.forEach(n -> s.add(Workflow.parse(String.valueOf(n))));
        return s;
    }

    private static Set<OutputFormat> formats(Map<String, Object> m) {
        List<Object> l = list(m, "outputFormats");
        if (l.isEmpty()) return EnumSet.of(OutputFormat.MP4);
        Set<OutputFormat> s = EnumSet.noneOf(OutputFormat.class);
        l.forEach(f -> s.add(OutputFormat.valueOf(String.valueOf(f))));
        return s;
    }

    private static Pricing pricing(Map<String, Object> p) {
        if (p == null) return Pricing.unknown("no price in the catalog");
        if (p.containsKey("unknown")) return Pricing.unknown(String.valueOf(p.get("unknown")));
        Map<String, BigDecimal> byRes = new LinkedHashMap<>();
        Map<String, Object> r = optMap(p, "byResolution");
        if (r != null) r.forEach((k, v) -> byRes.put(k, (BigDecimal) v));
        return new Pricing((BigDecimal) p.get("perSecond"), byRes, text(p, "source", "catalog"));
    }

    private static Range range(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || Boolean.FALSE.equals(v)) return null;
        return range(asMap(v, key));
    }

    private static Range range(Map<String, Object> r) {
        return new Range(((BigDecimal) r.get("min")).doubleValue(), ((BigDecimal) r.get("max")).doubleValue());
    }

    private static Map<String, String> stringMap(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String what) {
        if (!(o instanceof Map)) throw new IllegalArgumentException(what + " must be a JSON object");
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> optMap(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : asMap(m.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return List.of();
        if (!(v instanceof Collection)) throw new IllegalArgumentException(key + " must be a JSON array");
        return new ArrayList<>((Collection<Object>) v);
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static String required(Map<String, Object> m, String key) {
        String v = text(m, key, null);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing \"" + key + "\"");
        return v;
    }
}
