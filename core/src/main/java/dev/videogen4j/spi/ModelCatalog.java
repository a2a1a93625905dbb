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
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * field; {@code "pricing": {"unknown": "why"}} marks an undocumented price. Newer entries also carry
 * {@code "resolutions"}, {@code "audio"}, {@code "source"}, {@code "checked"} (a date), a dated price
 * ({@code "asOf"}), {@code "imageInput"} limits ({@link ImageLimits}; absent means undocumented) and a
 * {@code "wire"} mapping ({@link WireMapping}); an entry's {@code "wire"} is merged over the
 * file's top-level {@code "wire"}. Use it from an adapter:
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
     * The top-level {@code "wire"} of a bundled catalog: how the adapter maps a model whose entry (from a user's
     * file) has no wire mapping of its own.
     */
    public static WireMapping loadWireDefault(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException("Model catalog " + resource + " is missing from the class path");
            }
            Map<String, Object> r = asMap(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return WireMapping.none().with(CatalogParts.wire(optMap(r, "wire")));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("Cannot read the wire defaults of model catalog " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses catalog JSON.
     *
     * @param origin named in error messages (a resource or file name)
     * @throws ConfigurationException naming the origin, the model and the field when the catalog is malformed
     */
    public static List<ModelCapabilities> parse(String json, String origin) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Model catalog " + origin + " is not valid JSON: " + e.getMessage(), e);
        }
        String provider;
        List<Object> models;
        WireMapping fileWire;
        try {
            Map<String, Object> r = asMap(root);
            provider = text(r, "provider", null);
            models = field("models", () -> list(r, "models"));
            fileWire = field("wire", () -> WireMapping.none().with(CatalogParts.wire(optMap(r, "wire"))));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Model catalog " + origin + ": " + e.getMessage(), e);
        }
        List<ModelCapabilities> out = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            Object o = models.get(k);
            Object id = o instanceof Map ? ((Map<?, ?>) o).get("id") : null;
            String which = id == null ? "#" + (k + 1) : "'" + id + "'";
            try {
                Map<String, Object> m = asMap(o);
                out.add(model(text(m, "provider", provider), m, fileWire));
            } catch (RuntimeException e) {
                throw new ConfigurationException("Model catalog " + origin + ", model " + which + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ModelCapabilities model(String provider, Map<String, Object> m, WireMapping fileWire) {
        if (provider == null) throw new IllegalArgumentException("no provider named (top-level \"provider\")");
        String id = required(m, "id");
        String family = required(m, "family");
        Map<String, Object> prompt = field("prompt", () -> optMap(m, "prompt"));
        return new ModelCapabilities(provider, id, family, text(m, "name", null),
                field("workflows", () -> workflows(list(m, "workflows"))),
                field("durations", () -> list(m, "durations").stream().map(ModelCatalog::whole).collect(Collectors.toList())),
                field("dimensions", () -> list(m, "dimensions").stream().map(d -> Dimension.parse(String.valueOf(d)))
                        .collect(Collectors.toList())),
                field("aspectRatios", () -> list(m, "aspectRatios").stream().map(String::valueOf).collect(Collectors.toList())),
                field("fps", () -> m.get("fps") == null ? null : whole(m.get("fps"))),
                field("cfgScale", () -> range(m, "cfgScale")),
                field("prompt", () -> prompt == null ? null : range(prompt)),
                field("prompt", () -> prompt == null ? EnumSet.of(Workflow.TEXT_TO_VIDEO) : workflows(list(prompt, "requiredFor"))),
                field("negativePrompt", () -> range(m, "negativePrompt")),
                field("frameImages", () -> list(m, "frameImages").stream()
                        .map(f -> constant(FramePosition.values(), f, p -> p.name().toLowerCase(Locale.ROOT)))
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FramePosition.class)))),
                field("unsupported", () -> stringMap(optMap(m, "unsupported"))),
                field("maxResults", () -> m.get("maxResults") == null ? 1 : atLeastOne(m.get("maxResults"))),
                field("outputFormats", () -> formats(m)),
                field("outputQuality", () -> range(m, "outputQuality")),
                field("pricing", () -> CatalogParts.pricing(optMap(m, "pricing"))),
                field("options", () -> optMap(m, "options")),
                field("resolutions", () -> list(m, "resolutions").stream().map(String::valueOf).collect(Collectors.toList())),
                field("audio", () -> m.get("audio") == null ? Audio.NONE : Audio.parse(String.valueOf(m.get("audio")))),
                field("wire", () -> m.containsKey("wire") || !fileWire.isEmpty()
                        ? fileWire.with(CatalogParts.wire(optMap(m, "wire"))) : WireMapping.none()),
                text(m, "source", null),
                field("checked", () -> CatalogParts.date(m.get("checked"))),
                field("imageInput", () -> CatalogParts.imageLimits(optMap(m, "imageInput"))));
    }

    /** Reads one field, naming it in any error: {@code cfgScale: missing "max"}. */
    private static <T> T field(String name, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
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
        l.forEach(f -> s.add(constant(OutputFormat.values(), f, OutputFormat::name)));
        return s;
    }

    private static Range range(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || Boolean.FALSE.equals(v)) return null;
        return range(asMap(v));
    }

    private static Range range(Map<String, Object> r) {
        return new Range(bound(r, "min"), bound(r, "max"));
    }

    private static double bound(Map<String, Object> r, String key) {
        if (r.get(key) == null) throw new IllegalArgumentException("missing \"" + key + "\"");
        return number(r.get(key)).doubleValue();
    }

    private static BigDecimal number(Object v) {
        return CatalogParts.number(v);
    }

    private static int whole(Object v) {
        try {
            if (v instanceof BigDecimal) return ((BigDecimal) v).intValueExact();
        } catch (ArithmeticException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("expected a whole number, got " + Json.write(v));
    }

    private static int atLeastOne(Object v) {
        int n = whole(v);
        if (n < 1) throw new IllegalArgumentException("expected a whole number >= 1, got " + n);
        return n;
    }

    private static <E extends Enum<E>> E constant(E[] values, Object v, Function<E, String> name) {
        for (E e : values) {
            if (name.apply(e).equalsIgnoreCase(String.valueOf(v))) return e;
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values).map(name)
                .collect(Collectors.joining(", ")) + ", got " + Json.write(v));
    }

    private static Map<String, String> stringMap(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map)) throw new IllegalArgumentException("expected a JSON object");
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> optMap(Map<String, Object> m, String key) {
        return m.get(key) == null ? null : asMap(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) return List.of();
        if (!(v instanceof Collection)) throw new IllegalArgumentException("expected a JSON array");
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
