package dev.videogen4j.runware.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.RequestField;
import dev.videogen4j.spi.WireField;
import dev.videogen4j.spi.WireFormat;
import dev.videogen4j.spi.WireMapping;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a request's neutral fields into a Runware task following a model's {@link WireMapping}, in the mapping's
 * order. What stays code is what Runware does the same for every model: an aspect ratio becomes one of the model's
 * pixel sizes, a frame image is {@code {"image": ..., "frame": "first"|"last"}}, and {@code resolution} is never sent
 * together with width/height ("resolution cannot be used with width/height" on every model page that has it).
 *
 * <pre>{@code
 * RunwareWireWriter.write(task, request, model, model.wire(), problems);
 * }</pre>
 */
final class RunwareWireWriter {
    private RunwareWireWriter() {
    }

    static void write(Map<String, Object> t, VideoRequest r, ModelCapabilities model, WireMapping wire,
                      List<Violation> problems) {
        refuseUnmapped(r, model, wire, problems);
        boolean sized = false;
        for (Map.Entry<RequestField, WireField> e : wire.fields().entrySet()) {
            RequestField f = e.getKey();
            WireField w = e.getValue();
            if (w.as() == WireFormat.IMPLIED || !w.appliesTo(r.workflow())) continue;
            if (f == RequestField.SIZE) {
                Optional<Dimension> d = dimension(r, model, problems);
                if (d.isPresent()) {
                    WireMapping.put(t, w.to().get(0), d.get().width());
                    WireMapping.put(t, w.to().get(1), d.get().height());
                    sized = true;
                }
                continue;
            }
            Object value = f.valueIn(r);
            if (value == null || (f == RequestField.RESOLUTION && sized)) continue;
            if (w.as() == WireFormat.FRAME) {
                WireMapping.append(t, w.path(), frame((ImageInput) value, f == RequestField.IMAGE ? "first" : "last",
                        f.violationField(), problems));
            } else {
                WireMapping.put(t, w.path(), w.as().format(value));
            }
        }
    }

    // A field the mapping cannot write would otherwise be dropped without a word: refuse it with the catalog's reason.
    private static void refuseUnmapped(VideoRequest r, ModelCapabilities model, WireMapping wire, List<Violation> problems) {
        for (RequestField f : wire.unmapped(r)) {
            if (f == RequestField.ASPECT_RATIO && wire.field(RequestField.SIZE).map(w -> w.appliesTo(r.workflow())).orElse(false)) {
                continue;   // written as the model's width/height
            }
            Object value = f.valueIn(r);
            problems.add(new Violation(f.violationField(), String.valueOf(value), model.unsupported().getOrDefault(
                    f.violationField(), "nothing: " + model.id() + " has no wire field for " + f.catalogName())));
        }
        for (RequestField f : wire.missing(r)) {
            problems.add(new Violation(f == RequestField.SIZE ? "aspectRatio" : f.violationField(), null,
                    "a value: " + model.id() + " requires one for " + r.workflow().shortName()));
        }
    }

    // Width/height only where the model takes them: a model without dimensions (klingai:6@0) sizes the video
    // from its first frame, and sending a size anyway would be rejected by Runware.
    private static Optional<Dimension> dimension(VideoRequest r, ModelCapabilities model, List<Violation> problems) {
        if (r.width() == null && r.aspectRatio() == null) {
            return Optional.empty();
        }
        String why = model.unsupported().getOrDefault("width", "this model takes no width/height");
        if (model.dimensions().isEmpty()) {
            problems.add(r.width() != null ? new Violation("width", r.width() + "x" + r.height(), "none: " + why)
                    : new Violation("aspectRatio", r.aspectRatio(), "none: " + why));
            return Optional.empty();
        }
        if (r.width() != null) {
            return Optional.of(new Dimension(r.width(), r.height()));
        }
        Optional<Dimension> d = model.dimensionFor(r.aspectRatio(), r.resolution());
        if (d.isEmpty()) {
            problems.add(new Violation("aspectRatio", r.aspectRatio(), String.join(", ", model.acceptedAspectRatios())));
        }
        return d;
    }

    // URL and asset id (a Runware image UUID) go as they are; bytes and files as a data URI. Runware accepts
    // all three forms wherever it takes an image.
    private static Map<String, Object> frame(ImageInput image, String position, String field, List<Violation> problems) {
        Map<String, Object> f = new LinkedHashMap<>();
        try {
            f.put("image", image.toWireValue());
        } catch (UncheckedIOException e) {
            problems.add(new Violation(field, image.value(), "a readable image file (" + e.getCause().getMessage() + ")"));
        }
        f.put("frame", position);
        return f;
    }
}
