package dev.videogen4j.fal.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.RequestField;
import dev.videogen4j.spi.WireField;
import dev.videogen4j.spi.WireFormat;
import dev.videogen4j.spi.WireMapping;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a neutral request into the input JSON of one fal endpoint. Which fields an endpoint takes and how each is
 * written ({@code "duration": "5"} on Kling, {@code "8s"} on Veo, {@code start_image_url} on Kling 3.0) is the
 * endpoint's catalog {@link WireMapping}; an entry without one (a user's catalog file) gets the bundled catalog's
 * top-level mapping, so a fal endpoint the bundle does not know is a catalog entry, not code.
 *
 * <p>Core validates against the catalog first; the checks here cover what the catalog cannot say (fal cannot
 * resolve provider asset ids) and refuse anything that would otherwise be silently dropped.
 *
 * <pre>{@code
 * FalSubmission s = FalRequestMapper.map(request, model, settings.submitHeaders());
 * s.input();   // {"prompt": "...", "image_url": "https://...", "duration": "5", "cfg_scale": 0.5}
 * }</pre>
 */
public final class FalRequestMapper {
    private static final WireMapping DEFAULT_WIRE =
            ModelCatalog.loadWireDefault(FalRequestMapper.class, "/dev/videogen4j/fal/models.json");

    private FalRequestMapper() {
    }

    /**
     * The model that serves {@code workflow}: the resolved one, or its sibling endpoint of the same family (each fal
     * endpoint does exactly one workflow).
     */
    public static ModelCapabilities resolve(ModelCapabilities resolved, Workflow workflow, List<ModelCapabilities> catalog) {
        if (resolved.supports(workflow)) {
            return resolved;
        }
        return catalog.stream().filter(m -> m.family().equals(resolved.family()) && m.supports(workflow)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(resolved.id(), List.of(new Violation("model",
                        resolved.id(), "a fal endpoint that does " + workflow.shortName() + "; "
                        + resolved.family() + " on fal has none"))));
    }

    /** @throws InvalidRequestException naming every field fal cannot take, before anything is sent */
    public static FalSubmission map(VideoRequest r, ModelCapabilities model, Map<String, String> clientHeaders) {
        WireMapping wire = model.wire().isEmpty() ? DEFAULT_WIRE : model.wire();
        List<Violation> v = new ArrayList<>();
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>(clientHeaders);

        if (r.prompt() == null && model.promptRequired().contains(r.workflow())) {
            v.add(new Violation("prompt", null, "a prompt: " + model.id() + " requires one"));
        }
        if (r.durationSeconds() != null && !model.durations().isEmpty() && !model.durations().contains(r.durationSeconds())) {
            v.add(new Violation("durationSeconds", r.durationSeconds().toString(), join(model.durations())));
        }
        for (Map.Entry<RequestField, WireField> e : wire.fields().entrySet()) {
            WireField w = e.getValue();
            Object value = e.getKey().valueIn(r);
            if (value == null || !w.appliesTo(r.workflow()) || w.as() == WireFormat.IMPLIED || w.as() == WireFormat.QUERY) {
                continue;
            }
            if (value instanceof ImageInput) value = image((ImageInput) value, e.getKey().violationField(), v);
            if (value != null) WireMapping.put(input, w.path(), w.as().format(value));
        }
        refused(v, r, model, wire);
        FalProviderOptions.merge(r.providerOptions(), input, headers, v);
        if (!v.isEmpty()) {
            throw new InvalidRequestException(model.id(), v);
        }
        return new FalSubmission(FalEndpointId.parse(model.id()), input, headers, r.webhookUrl());
    }

    // What the mapping cannot write is refused with the catalog's reason rather than dropped; what is implied by
    // the endpoint (one MP4 per request) is checked against the catalog.
    private static void refused(List<Violation> v, VideoRequest r, ModelCapabilities model, WireMapping wire) {
        List<RequestField> unmapped = wire.unmapped(r);
        for (RequestField f : RequestField.values()) {
            Object value = f.valueIn(r);
            if (unmapped.contains(f)) {
                String shown = f == RequestField.SIZE ? r.width() + "x" + r.height() : String.valueOf(value);
                v.add(new Violation(f.violationField(), shown, model.unsupported().getOrDefault(f.violationField(),
                        "nothing: " + model.id() + " has no " + f.catalogName() + " (no wire field in its catalog entry)")));
            } else if (f == RequestField.NUMBER_RESULTS && r.resultCount() > model.maxResults()) {
                v.add(new Violation("numberResults", String.valueOf(r.numberResults()), "at most " + model.maxResults()));
            } else if (f == RequestField.OUTPUT_FORMAT && value != null && !model.outputFormats().contains(r.outputFormat())) {
                v.add(new Violation("outputFormat", r.outputFormat().name(), join(model.outputFormats())));
            }
        }
        for (RequestField f : wire.missing(r)) {
            v.add(new Violation(f.violationField(), null, "a value: " + model.id() + " requires one for " + r.workflow().shortName()));
        }
    }

    private static String image(ImageInput image, String field, List<Violation> v) {
        if (image == null) {
            v.add(new Violation(field, null, "an image (URL, file, bytes or data URI)"));
            return null;
        }
        if (image.kind() == ImageInput.Kind.ASSET) {
            v.add(new Violation(field, image.toString(), "a URL, file, bytes or data URI: fal cannot resolve provider"
                    + " asset ids (upload the image somewhere public, or pass its bytes)"));
            return null;
        }
        try {
            return image.toWireValue();   // URLs as is; bytes, files and data URIs as a data URI, which fal accepts
        } catch (UncheckedIOException e) {
            v.add(new Violation(field, image.toString(), "a readable file (" + e.getCause().getMessage() + ")"));
            return null;
        }
    }

    private static String join(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
