package dev.videogen4j.jobs;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.internal.Json;
import dev.videogen4j.spi.ErrorKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link JobRecord} as one JSON document and back, for stores that keep a record in a text column beside the
 * columns they query. Lossless except that numbers inside {@code providerOptions} read back as
 * {@link BigDecimal}.
 *
 * <pre>{@code
 * String json = JobRecordJson.write(record);
 * JobRecord again = JobRecordJson.read(json);     // equal to record
 * }</pre>
 */
public final class JobRecordJson {
    private JobRecordJson() {
    }

    public static String write(JobRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("provider", r.providerId());
        m.put("model", r.model());
        m.put("request", request(r.request()));
        m.put("submissionId", r.submissionId());
        m.put("nativeJobId", r.nativeJobId());
        m.put("state", r.state().name());
        m.put("quotedCost", r.quotedCost());
        m.put("actualCost", r.actualCost().amount().orElse(null));
        m.put("actualCostSource", r.actualCost().source().name());
        m.put("createdAt", text(r.createdAt()));
        m.put("submittedAt", text(r.submittedAt()));
        m.put("acceptedAt", text(r.acceptedAt()));
        m.put("startedAt", text(r.startedAt()));
        m.put("endedAt", text(r.endedAt()));
        m.put("updatedAt", text(r.updatedAt()));
        m.put("attempts", r.attempts());
        List<Object> videos = new ArrayList<>();
        for (GeneratedVideo v : r.videos()) {
            Map<String, Object> video = new LinkedHashMap<>();
            video.put("url", v.url());
            video.put("id", v.id());
            video.put("contentType", v.contentType());
            video.put("sizeBytes", v.sizeBytes());
            video.put("seed", v.seed());
            videos.add(video);
        }
        m.put("videos", videos);
        m.put("errorKind", r.errorKind() == null ? null : r.errorKind().name());
        m.put("errorCode", r.errorCode());
        m.put("lastError", r.lastError());
        m.put("owner", r.owner());
        m.put("version", r.version());
        return Json.write(m);
    }

    /** @throws IllegalArgumentException when the text is not a record this class wrote */
    public static JobRecord read(String json) {
        Map<?, ?> m = (Map<?, ?>) Json.parse(json);
        List<GeneratedVideo> videos = new ArrayList<>();
        for (Object o : (List<?>) m.get("videos")) {
            Map<?, ?> v = (Map<?, ?>) o;
            videos.add(new GeneratedVideo((String) v.get("url"), (String) v.get("id"), (String) v.get("contentType"),
                    longOrNull(v.get("sizeBytes")), longOrNull(v.get("seed"))));
        }
        BigDecimal actual = (BigDecimal) m.get("actualCost");
        Cost cost = switch (Cost.Source.valueOf((String) m.get("actualCostSource"))) {
            case REPORTED -> Cost.reported(actual);
            case ESTIMATED -> Cost.estimated(actual);
            case NOT_BILLED -> Cost.notBilled();
            case UNKNOWN -> Cost.unknown();
        };
        String kind = (String) m.get("errorKind");
        return new JobRecord((String) m.get("id"), (String) m.get("provider"), (String) m.get("model"),
                request((Map<?, ?>) m.get("request")), (String) m.get("submissionId"), (String) m.get("nativeJobId"),
                RecordState.valueOf((String) m.get("state")), (BigDecimal) m.get("quotedCost"), cost,
                instant(m.get("createdAt")), instant(m.get("submittedAt")), instant(m.get("acceptedAt")),
                instant(m.get("startedAt")), instant(m.get("endedAt")), instant(m.get("updatedAt")),
                ((BigDecimal) m.get("attempts")).intValueExact(), videos,
                kind == null ? null : ErrorKind.valueOf(kind), (String) m.get("errorCode"),
                (String) m.get("lastError"), (String) m.get("owner"), ((BigDecimal) m.get("version")).longValueExact());
    }

    private static Map<String, Object> request(JobRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflow", r.workflow().name());
        m.put("model", r.model());
        m.put("prompt", r.prompt());
        m.put("negativePrompt", r.negativePrompt());
        m.put("durationSeconds", r.durationSeconds());
        m.put("aspectRatio", r.aspectRatio());
        m.put("width", r.width());
        m.put("height", r.height());
        m.put("cfgScale", r.cfgScale() == null ? null : BigDecimal.valueOf(r.cfgScale()));
        m.put("seed", r.seed());
        m.put("numberResults", r.numberResults());
        m.put("outputFormat", r.outputFormat() == null ? null : r.outputFormat().name());
        m.put("outputQuality", r.outputQuality());
        m.put("generateAudio", r.generateAudio());
        m.put("resolution", r.resolution());
        m.put("webhookUrl", r.webhookUrl());
        m.put("providerOptions", r.providerOptions());
        m.put("image", r.image());
        m.put("lastImage", r.lastImage());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static JobRequest request(Map<?, ?> m) {
        BigDecimal cfg = (BigDecimal) m.get("cfgScale");
        String format = (String) m.get("outputFormat");
        return new JobRequest(Workflow.valueOf((String) m.get("workflow")), (String) m.get("model"),
                (String) m.get("prompt"), (String) m.get("negativePrompt"), intOrNull(m.get("durationSeconds")),
                (String) m.get("aspectRatio"), intOrNull(m.get("width")), intOrNull(m.get("height")),
                cfg == null ? null : cfg.doubleValue(), longOrNull(m.get("seed")), intOrNull(m.get("numberResults")),
                format == null ? null : OutputFormat.valueOf(format), intOrNull(m.get("outputQuality")),
                (Boolean) m.get("generateAudio"), (String) m.get("resolution"), (String) m.get("webhookUrl"), (Map<String, Object>) m.get("providerOptions"),
                (String) m.get("image"), (String) m.get("lastImage"));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse((String) o);
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : ((BigDecimal) o).intValueExact();
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((BigDecimal) o).longValueExact();
    }
}
