package dev.videogen4j.runware.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.http.internal.ProviderOptionsPolicy;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.SubmitContext;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds Runware tasks from videogen4j requests. A field the request leaves unset is omitted, so Runware's
 * default applies.
 *
 * <p>Provider options are merged into the task verbatim, and never silently override anything: the protocol
 * fields ({@code taskType}, {@code taskUUID}, {@code deliveryMethod}, {@code includeCost}) cannot be set through
 * them; the fields that decide the price ({@code model}, {@code duration}, {@code numberResults}, {@code width},
 * {@code height}) are set only from the request, where they are validated and quoted; an option naming a field
 * already set from the request must carry the same value; {@code inputs} merges
 * key by key under the same rule. Every conflict is reported at once as an {@link InvalidRequestException}.
 *
 * <pre>{@code
 * Map<String, Object> task = RunwareRequestMapper.videoInference(request, context);
 * }</pre>
 */
public final class RunwareRequestMapper {
    /** Fields the adapter must control: the job id, async delivery, and the cost report core accounts with. */
    static final Set<String> PROTOCOL_FIELDS = Set.of("taskType", "taskUUID", "deliveryMethod", "includeCost");
    // Fields that decide what a job costs or that are validated against the model: set through an option they
    // would bypass validation and the quote (numberResults 2 bills twice what was quoted).
    private static final ProviderOptionsPolicy OPTIONS = new ProviderOptionsPolicy(PROTOCOL_FIELDS,
            Map.of("model", "model", "duration", "durationSeconds", "numberResults", "numberResults",
                    "width", "size(width, height)", "height", "size(width, height)"), Set.of("inputs"));

    private RunwareRequestMapper() {
    }

    /** A {@code videoInference} task, async, with the cost included, under the context's submission id. */
    public static Map<String, Object> videoInference(VideoRequest r, SubmitContext context) {
        ModelCapabilities model = context.model();
        List<Violation> problems = new ArrayList<>();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskType", "videoInference");
        t.put("taskUUID", context.submissionId());
        t.put("model", model.id());
        put(t, "positivePrompt", r.prompt());
        put(t, "negativePrompt", r.negativePrompt());
        dimension(r, model, problems).ifPresent(d -> {
            t.put("width", d.width());
            t.put("height", d.height());
        });
        put(t, "duration", r.durationSeconds());
        put(t, "CFGScale", r.cfgScale());
        put(t, "seed", r.seed());
        put(t, "numberResults", r.numberResults());
        put(t, "outputFormat", r.outputFormat() == null ? null : r.outputFormat().name());
        put(t, "outputQuality", r.outputQuality());
        put(t, "webhookURL", r.webhookUrl());
        if (r instanceof ImageToVideoRequest) {
            t.put("inputs", inputs((ImageToVideoRequest) r, problems));
        }
        t.put("deliveryMethod", "async");
        t.put("includeCost", true);
        OPTIONS.merge(r.providerOptions(), t, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(r.model(), problems);
        }
        return t;
    }

    /**
     * The archive read for a task {@code getResponse} no longer knows: {@code getTaskDetails} under the original
     * task's UUID (https://runware.ai/docs/platform/task-details, read 2026-12-01).
     */
    public static Map<String, Object> getTaskDetails(String taskUUID) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskType", "getTaskDetails");
        t.put("taskUUID", taskUUID);
        return t;
    }

    /** The poll for a task: {@code getResponse} under the original task's UUID. */
    public static Map<String, Object> getResponse(String taskUUID) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskType", "getResponse");
        t.put("taskUUID", taskUUID);
        return t;
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
        Optional<Dimension> d = model.dimensionFor(r.aspectRatio());
        if (d.isEmpty()) {
            problems.add(new Violation("aspectRatio", r.aspectRatio(), String.join(", ", model.acceptedAspectRatios())));
        }
        return d;
    }

    private static Map<String, Object> inputs(ImageToVideoRequest r, List<Violation> problems) {
        List<Object> frames = new ArrayList<>();
        frames.add(frame(r.image(), "first", "image", problems));
        if (r.lastImage() != null) {
            frames.add(frame(r.lastImage(), "last", "lastImage", problems));
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("frameImages", frames);
        return inputs;
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

    private static void put(Map<String, Object> t, String key, Object value) {
        if (value != null) {
            t.put(key, value);
        }
    }
}
