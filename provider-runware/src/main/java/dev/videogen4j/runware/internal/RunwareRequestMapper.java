package dev.videogen4j.runware.internal;

import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.http.internal.ProviderOptionsPolicy;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.WireMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds Runware tasks from videogen4j requests. Which neutral fields a model takes and where each goes (top level,
 * {@code inputs.frameImages}, {@code providerSettings.<vendor>}) is the model's catalog {@link WireMapping}; an
 * entry without one (a user's catalog file) gets the bundled catalog's top-level mapping. A field the request
 * leaves unset is omitted, so Runware's default applies; a field the mapping cannot write is refused, not dropped.
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
    private static final WireMapping DEFAULT_WIRE =
            ModelCatalog.loadWireDefault(RunwareRequestMapper.class, "/dev/videogen4j/runware/models.json");
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
        WireMapping wire = model.wire().isEmpty() ? DEFAULT_WIRE : model.wire();
        List<Violation> problems = new ArrayList<>();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskType", "videoInference");
        t.put("taskUUID", context.submissionId());
        t.put("model", model.id());
        RunwareWireWriter.write(t, r, model, wire, problems);
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
}
