package com.example.lumora;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobStatus;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import dev.videogen4j.spi.ProviderOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Response;

/**
 * Lumora's JSON, both ways: the submit body, a clip as a {@link JobUpdate}, and an error answer as the exception
 * core acts on. Anything that is not the JSON Lumora documents is {@link ProviderErrors#unparseable unparseable}.
 *
 * <pre>{@code
 * JobUpdate u = LumoraReplies.update(Map.of("id", "clp_1", "state", "rendering", "progress", 40.0));
 * }</pre>
 */
final class LumoraReplies {
    private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private LumoraReplies() {
    }

    static String write(Map<String, Object> body) {
        return JSON.toJson(body);
    }

    /** A JSON object, or a {@link JsonDataException} when the text is none. */
    static Map<String, Object> read(String text) throws IOException {
        Map<String, Object> m = JSON.fromJson(text);
        if (m == null) throw new JsonDataException("empty body");
        return m;
    }

    /** The JSON object of a 2xx answer. */
    static Map<String, Object> object(Response r, Operation op) throws IOException {
        String text = r.body().string();
        try {
            return read(text);
        } catch (JsonDataException | IOException e) {
            throw ProviderErrors.unparseable(LumoraProviderFactory.ID, op, r.code(), null, e);
        }
    }

    /** A clip's state as a status; a done clip carries its video. */
    static JobUpdate update(Map<String, Object> clip) {
        String state = text(clip, "state");
        switch (state) {
            case "waiting":
                return JobUpdate.of(JobStatus.queued(integer(clip, "queue_position")));
            case "rendering":
                return JobUpdate.of(JobStatus.running(integer(clip, "progress")));
            case "done":
                return new JobUpdate(JobStatus.succeeded(), output(clip));
            case "failed":
                Map<String, Object> f = map(clip.get("failure"));
                return JobUpdate.of(JobStatus.failed(ErrorKind.OTHER, String.valueOf(f.get("code")),
                        String.valueOf(f.get("message"))));
            case "cancelled":
                return JobUpdate.of(JobStatus.cancelled());
            default:
                return JobUpdate.of(JobStatus.unknown(state));
        }
    }

    static ProviderOutput output(Map<String, Object> clip) {
        String url = text(clip, "video_url");
        Object cost = clip.get("cost_usd");
        return new ProviderOutput(List.of(GeneratedVideo.of(url)),
                cost instanceof Number n ? new BigDecimal(n.toString()) : null);
    }

    /** The exception for a non-2xx answer: Lumora's error code decides where the status alone would not. */
    static VideoGenException failure(Response r, Operation op) throws IOException {
        String text = r.body().string();
        Map<String, Object> error;
        try {
            Map<String, Object> m = JSON.fromJson(text);
            error = m == null ? Map.of() : map(m.get("error"));
        } catch (JsonDataException | IOException e) {
            error = Map.of();   // a gateway's HTML page: the status still says what happened
        }
        ProviderFailure.Builder f = ProviderFailure.builder(LumoraProviderFactory.ID, op, r.code())
                .requestId(r.header("X-Request-Id"));
        Object code = error.get("code");
        if (code != null) f.code(code.toString());
        if (error.get("message") != null) f.message(error.get("message").toString());
        if ("content_rejected".equals(code)) f.kind(ErrorKind.CONTENT_POLICY);
        if (error.get("field") != null) {
            f.violation(new Violation(error.get("field").toString(), "(as sent)", String.valueOf(error.get("message"))));
        }
        String retryAfter = r.header("Retry-After");
        if (retryAfter != null && retryAfter.matches("\\d{1,6}")) f.retryAfter(Duration.ofSeconds(Long.parseLong(retryAfter)));
        return ProviderErrors.fromHttp(f.build());
    }

    static String text(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new JsonDataException("Lumora's answer has no " + field + ": " + m.keySet());
        }
        return s;
    }

    static Integer integer(Map<String, Object> m, String field) {
        return m.get(field) instanceof Number n ? n.intValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }
}
