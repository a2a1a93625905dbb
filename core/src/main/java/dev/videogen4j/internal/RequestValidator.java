package dev.videogen4j.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.Audio;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.RequestField;
import dev.videogen4j.spi.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks one request against one model's capabilities and lists every problem. The only place these rules live. */
public final class RequestValidator {
    private RequestValidator() {
    }

    public static List<Violation> violations(VideoRequest r, ModelCapabilities m) {
        List<Violation> v = new ArrayList<>();
        if (!m.supports(r.workflow())) {
            v.add(new Violation("model", m.id(), m.providerId() + "/" + m.id() + " does " + names(m)
                    + ", not " + r.workflow().shortName()));
        }
        unsupported(v, m, "prompt", r.prompt());
        unsupported(v, m, "negativePrompt", r.negativePrompt());
        unsupported(v, m, "durationSeconds", r.durationSeconds());
        unsupported(v, m, "aspectRatio", r.aspectRatio());
        unsupported(v, m, "width", r.width());
        unsupported(v, m, "height", r.height());
        unsupported(v, m, "cfgScale", r.cfgScale());
        unsupported(v, m, "seed", r.seed());
        unsupported(v, m, "outputFormat", r.outputFormat());
        unsupported(v, m, "outputQuality", r.outputQuality());
        unsupported(v, m, "webhookUrl", r.webhookUrl());
        prompt(v, r, m);
        if (r.negativePrompt() != null && !m.unsupported().containsKey("negativePrompt")) {
            if (m.negativePrompt() == null) {
                v.add(new Violation("negativePrompt", abbreviate(r.negativePrompt()), "not accepted by " + m.id()));
            } else if (!m.negativePrompt().contains(r.negativePrompt().length())) {
                v.add(new Violation("negativePrompt", r.negativePrompt().length() + " characters",
                        m.negativePrompt() + " characters"));
            }
        }
        // A field the catalog marks unsupported was reported above, with the reason; its value is not checked too.
        if (r.durationSeconds() != null && checked(m, "durationSeconds") && !m.durations().isEmpty()
                && !m.durations().contains(r.durationSeconds())) {
            v.add(new Violation("durationSeconds", r.durationSeconds().toString(), join(m.durations())));
        }
        size(v, r, m);
        range(v, "cfgScale", r.cfgScale(), m.cfgScale(), m);
        range(v, "outputQuality", r.outputQuality() == null ? null : r.outputQuality().doubleValue(), m.outputQuality(), m);
        if (r.numberResults() != null && r.numberResults() > m.maxResults()) {
            v.add(new Violation("numberResults", r.numberResults().toString(), "1.." + m.maxResults()));
        }
        if (r.outputFormat() != null && checked(m, "outputFormat") && !m.outputFormats().contains(r.outputFormat())) {
            v.add(new Violation("outputFormat", r.outputFormat().name(),
                    m.outputFormats().stream().map(OutputFormat::name).sorted().collect(Collectors.joining(", "))));
        }
        if (r instanceof ImageToVideoRequest) {
            images(v, (ImageToVideoRequest) r, m);
        }
        audioAndResolution(v, r, m);
        wire(v, r, m);
        // One violation per field: the first says it best (a catalog reason before a generic "not accepted").
        if (v.size() > 1) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            v.removeIf(x -> !seen.add(x.field()));
        }
        return v;
    }

    private static void audioAndResolution(List<Violation> v, VideoRequest r, ModelCapabilities m) {
        unsupported(v, m, "generateAudio", r.generateAudio());
        unsupported(v, m, "resolution", r.resolution());
        if (Boolean.TRUE.equals(r.generateAudio()) && m.audio() == Audio.NONE && checked(m, "generateAudio")) {
            v.add(new Violation("generateAudio", "true", "false or unset: " + m.id() + " makes silent video"));
        } else if (Boolean.FALSE.equals(r.generateAudio()) && m.audio() == Audio.ALWAYS && checked(m, "generateAudio")) {
            v.add(new Violation("generateAudio", "false", "true or unset: " + m.id() + " always makes sound"));
        }
        if (r.resolution() != null && checked(m, "resolution") && !m.resolutions().contains(r.resolution())) {
            v.add(new Violation("resolution", r.resolution(), m.resolutions().isEmpty()
                    ? "not accepted by " + m.id() + " (its resolution is fixed)" : String.join(", ", m.resolutions())));
        }
        if (r.resolution() != null && r.aspectRatio() != null && !m.dimensions().isEmpty()
                && m.dimensionFor(r.aspectRatio(), r.resolution()).isEmpty() && m.dimensionFor(r.aspectRatio()).isPresent()) {
            v.add(new Violation("aspectRatio", r.aspectRatio() + " at " + r.resolution(), m.dimensions().stream()
                    .filter(d -> d.resolution().equals(r.resolution())).map(Dimension::aspectRatio)
                    .collect(Collectors.joining(", "))));
        }
    }

    // A catalog entry with a wire mapping accepts exactly the fields it maps, and insists on those it requires.
    private static void wire(List<Violation> v, VideoRequest r, ModelCapabilities m) {
        if (m.wire().isEmpty()) return;
        for (RequestField f : m.wire().unmapped(r)) {
            String name = f.violationField();
            if (m.unsupported().containsKey(name)) continue;
            Object value = f.valueIn(r);
            v.add(new Violation(name, abbreviate(String.valueOf(value)), "not accepted by " + m.id()
                    + (m.wire().field(f).isPresent() ? " for " + r.workflow().shortName() : "")
                    + " (its catalog entry maps no wire field for " + f.catalogName() + ")"));
        }
        for (RequestField f : m.wire().missing(r)) {
            v.add(new Violation(f == RequestField.SIZE ? "aspectRatio" : f.violationField(), null,
                    (f == RequestField.SIZE ? "an aspect ratio or a size" : "a value") + ": " + m.id()
                            + " requires one for " + r.workflow().shortName()));
        }
    }

    private static void prompt(List<Violation> v, VideoRequest r, ModelCapabilities m) {
        String p = r.prompt();
        if ((p == null || p.isBlank()) && m.promptRequired().contains(r.workflow())) {
            v.add(new Violation("prompt", p, "a prompt of " + m.promptLength() + " characters (" + m.id()
                    + " requires one for " + r.workflow().shortName() + ")"));
        } else if (p != null && !m.unsupported().containsKey("prompt") && !m.promptLength().contains(p.length())) {
            v.add(new Violation("prompt", p.length() + " characters", m.promptLength() + " characters"));
        }
    }

    private static void size(List<Violation> v, VideoRequest r, ModelCapabilities m) {
        if (r.width() != null && r.height() != null && !m.unsupported().containsKey("width")) {
            Dimension asked = new Dimension(r.width(), r.height());
            if (m.dimensions().isEmpty()) {
                v.add(new Violation("width/height", asked.toString(), "not accepted by " + m.id()
                        + (m.aspectRatios().isEmpty() ? "" : "; use aspectRatio " + String.join(", ", m.aspectRatios()))));
            } else if (!m.dimensions().contains(asked)) {
                v.add(new Violation("width/height", asked.toString(), join(m.dimensions())));
            }
        }
        if (r.aspectRatio() != null && !m.unsupported().containsKey("aspectRatio")
                && !m.acceptedAspectRatios().contains(r.aspectRatio())) {
            v.add(new Violation("aspectRatio", r.aspectRatio(), m.acceptedAspectRatios().isEmpty()
                    ? "not accepted by " + m.id() + " (the size follows the input image)"
                    : String.join(", ", m.acceptedAspectRatios())));
        }
    }

    private static void images(List<Violation> v, ImageToVideoRequest r, ModelCapabilities m) {
        if (r.lastImage() != null && !m.frameImages().contains(FramePosition.LAST)) {
            v.add(new Violation("lastImage", r.lastImage().toString(), "not accepted by " + m.id()
                    + " (frame images: " + m.frameImages().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                    .sorted().collect(Collectors.joining(", ")) + ")"));
        }
        Object kinds = m.options().get("imageKinds");
        if (kinds instanceof List) {
            List<?> allowed = (List<?>) kinds;
            for (ImageInput img : new ImageInput[]{r.image(), r.lastImage()}) {
                if (img != null && !allowed.contains(img.kind().name())) {
                    v.add(new Violation(img == r.image() ? "image" : "lastImage", img.toString(),
                            "images given as " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "))));
                }
            }
        }
        ImageChecks.check(v, "image", r.image(), m);
        ImageChecks.check(v, "lastImage", r.lastImage(), m);
    }

    private static void range(List<Violation> v, String field, Double value, Range range, ModelCapabilities m) {
        if (value == null || m.unsupported().containsKey(field)) return;
        if (range == null) {
            v.add(new Violation(field, format(value), "not accepted by " + m.id()));
        } else if (!range.contains(value)) {
            v.add(new Violation(field, format(value), range.toString()));
        }
    }

    private static void unsupported(List<Violation> v, ModelCapabilities m, String field, Object value) {
        Map<String, String> u = m.unsupported();
        if (value != null && u.containsKey(field)) {
            v.add(new Violation(field, abbreviate(String.valueOf(value)), "not accepted by " + m.id() + ": " + u.get(field)));
        }
    }

    private static boolean checked(ModelCapabilities m, String field) {
        return !m.unsupported().containsKey(field);
    }

    private static String names(ModelCapabilities m) {
        return m.workflows().stream().map(w -> w.shortName()).sorted().collect(Collectors.joining(" and "));
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
