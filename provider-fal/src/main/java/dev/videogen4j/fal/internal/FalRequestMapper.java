package dev.videogen4j.fal.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a neutral request into the input JSON of one fal Kling endpoint. Which optional fields an endpoint
 * takes is read from its catalog entry (LAST frame image means {@code tail_image_url}, aspect ratios mean
 * {@code aspect_ratio}), so a model added through a user's catalog file is mapped the same way.
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
        List<Violation> v = new ArrayList<>();
        Map<String, Object> input = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>(clientHeaders);

        if (r.prompt() == null && model.promptRequired().contains(r.workflow())) {
            v.add(new Violation("prompt", null, "a prompt: " + model.id() + " requires one"));
        }
        put(input, "prompt", r.prompt());
        if (r instanceof ImageToVideoRequest) {
            ImageToVideoRequest i2v = (ImageToVideoRequest) r;
            put(input, "image_url", image(i2v.image(), "image", v));
            if (i2v.lastImage() != null) {
                if (model.frameImages().contains(FramePosition.LAST)) {
                    put(input, "tail_image_url", image(i2v.lastImage(), "lastImage", v));
                } else {
                    v.add(new Violation("lastImage", i2v.lastImage().toString(), "no last frame: " + model.id()
                            + " has no tail_image_url (pro image-to-video endpoints do)"));
                }
            }
        }
        if (r.durationSeconds() != null) {
            if (!model.durations().isEmpty() && !model.durations().contains(r.durationSeconds())) {
                v.add(new Violation("durationSeconds", r.durationSeconds().toString(), join(model.durations())));
            }
            put(input, "duration", r.durationSeconds().toString());   // fal's enum is the string "5" or "10"
        }
        optional(v, input, "aspectRatio", "aspect_ratio", r.aspectRatio(), !model.aspectRatios().isEmpty(), model);
        optional(v, input, "negativePrompt", "negative_prompt", r.negativePrompt(), model.negativePrompt() != null, model);
        optional(v, input, "cfgScale", "cfg_scale", r.cfgScale(), model.cfgScale() != null, model);
        unsupported(v, r, model);
        FalProviderOptions.merge(r.providerOptions(), input, headers, v);
        if (!v.isEmpty()) {
            throw new InvalidRequestException(model.id(), v);
        }
        return new FalSubmission(FalEndpointId.parse(model.id()), input, headers, r.webhookUrl());
    }

    private static void optional(List<Violation> v, Map<String, Object> input, String field, String wire, Object value,
                                 boolean accepted, ModelCapabilities model) {
        if (value == null) {
            return;
        }
        if (accepted) {
            input.put(wire, value);
        } else {
            v.add(new Violation(field, value.toString(), model.unsupported().getOrDefault(field,
                    "nothing: " + model.id() + " has no " + wire)));
        }
    }

    private static void unsupported(List<Violation> v, VideoRequest r, ModelCapabilities model) {
        if (r.width() != null || r.height() != null) {
            v.add(new Violation("width", r.width() + "x" + r.height(), model.unsupported().getOrDefault("width",
                    "no pixel size: fal's Kling endpoints take aspectRatio")));
        }
        if (r.seed() != null) {
            v.add(new Violation("seed", r.seed().toString(), model.unsupported().getOrDefault("seed",
                    "no seed: fal's Kling endpoints take none")));
        }
        if (r.resultCount() > model.maxResults()) {
            v.add(new Violation("numberResults", String.valueOf(r.numberResults()), "at most " + model.maxResults()));
        }
        if (r.outputFormat() != null && !model.outputFormats().contains(r.outputFormat())) {
            v.add(new Violation("outputFormat", r.outputFormat().name(), join(model.outputFormats())));
        }
        if (r.outputQuality() != null && model.outputQuality() == null) {
            v.add(new Violation("outputQuality", r.outputQuality().toString(), "nothing: " + model.id()
                    + " has no output quality setting"));
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

    private static void put(Map<String, Object> input, String key, Object value) {
        if (value != null) {
            input.put(key, value);
        }
    }

    private static String join(java.util.Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
