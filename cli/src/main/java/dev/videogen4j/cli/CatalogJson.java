package dev.videogen4j.cli;

import dev.videogen4j.Workflow;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Pricing;
import dev.videogen4j.spi.Range;
import dev.videogen4j.spi.WireField;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The capability matrix as JSON, every field of every entry ({@code videogen4j models --json}): what the model takes,
 * how each field is written on the wire, what it costs and since when, and where that was read.
 *
 * <pre>{@code
 * [{"provider": "fal", "id": "fal-ai/veo3.1", "family": "veo-3.1", ..., "pricing": {"possiblyStale": false, ...},
 *   "wire": {"durationSeconds": {"to": ["duration"], "as": "seconds"}}, "source": "https://fal.ai/...", "checked": "2026-12-01"}]
 * }</pre>
 */
final class CatalogJson {
    private CatalogJson() {
    }

    static List<Map<String, Object>> of(List<ModelCapabilities> models, LocalDate today) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelCapabilities m : models) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("provider", m.providerId());
            e.put("id", m.id());
            e.put("family", m.family());
            e.put("name", m.displayName());
            e.put("workflows", m.workflows().stream().map(Workflow::shortName).sorted().collect(Collectors.toList()));
            e.put("durations", m.durations());
            e.put("dimensions", m.dimensions().stream().map(Dimension::toString).collect(Collectors.toList()));
            e.put("aspectRatios", List.copyOf(m.acceptedAspectRatios()));
            e.put("resolutions", m.resolutions());
            e.put("audio", m.audio().catalogName());
            e.put("fps", m.fps());
            e.put("cfgScale", range(m.cfgScale()));
            e.put("prompt", range(m.promptLength()));
            e.put("negativePrompt", range(m.negativePrompt()));
            e.put("frameImages", m.frameImages().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted()
                    .collect(Collectors.toList()));
            e.put("unsupported", new java.util.TreeMap<>(m.unsupported()));
            e.put("maxResults", m.maxResults());
            e.put("outputFormats", m.outputFormats().stream().map(Enum::name).sorted().collect(Collectors.toList()));
            e.put("outputQuality", range(m.outputQuality()));
            e.put("pricing", pricing(m.pricing(), today));
            e.put("wire", wire(m));
            e.put("source", m.source());
            e.put("checked", m.checked() == null ? null : m.checked().toString());
            e.put("options", m.options());
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> pricing(Pricing p, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("known", p.isKnown());
        m.put("perSecond", p.perSecond());
        m.put("byResolution", new java.util.TreeMap<>(p.byResolution()));
        m.put("perVideo", new java.util.TreeMap<>(p.perVideo()));
        m.put("source", p.source());
        m.put("asOf", p.asOf() == null ? null : p.asOf().toString());
        m.put("possiblyStale", p.possiblyStale(today));
        return m;
    }

    private static Map<String, Object> wire(ModelCapabilities m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.wire().fields().forEach((f, w) -> out.put(f.catalogName(), field(w)));
        return out;
    }

    private static Map<String, Object> field(WireField w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", w.to());
        m.put("as", w.as().toString());
        if (!w.workflows().isEmpty()) m.put("workflows", names(w.workflows()));
        if (!w.required().isEmpty()) m.put("required", names(w.required()));
        return m;
    }

    private static List<String> names(java.util.Set<Workflow> w) {
        return w.stream().map(Workflow::shortName).sorted().collect(Collectors.toList());
    }

    private static Map<String, Object> range(Range r) {
        if (r == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", number(r.min()));
        m.put("max", number(r.max()));
        return m;
    }

    private static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

}
