package dev.videogen4j.fal.internal;

import com.squareup.moshi.JsonDataException;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobStatus;
import dev.videogen4j.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a fal webhook envelope into a {@link WebhookEvent}. {@code OK} with a video is SUCCEEDED with that video;
 * {@code OK} without a readable payload is SUCCEEDED with no video (the job did finish; the output can still be
 * fetched with a result call); {@code ERROR} is FAILED with fal's error type and message.
 *
 * <pre>{@code
 * WebhookEvent e = FalWebhookEvents.parse(body);   // throws FalJson.FalParseException when not an envelope
 * }</pre>
 */
public final class FalWebhookEvents {
    private FalWebhookEvents() {
    }

    public static WebhookEvent parse(String body) {
        FalWebhookEnvelope e = FalJson.read(FalWebhookEnvelope.class, body);
        if (e.requestId == null || e.requestId.isBlank() || e.status == null) {
            throw new FalJson.FalParseException("webhook has no request_id or status");
        }
        switch (e.status) {
            case "OK":
                List<GeneratedVideo> videos = videos(e.payload);
                return new WebhookEvent(FalErrors.PROVIDER, e.requestId, JobStatus.succeeded().withRaw("OK"), videos, null);
            case "ERROR":
                return new WebhookEvent(FalErrors.PROVIDER, e.requestId, failure(e).withRaw("ERROR"), List.of(), null);
            default:
                return new WebhookEvent(FalErrors.PROVIDER, e.requestId, JobStatus.unknown(e.status), List.of(), null);
        }
    }

    private static List<GeneratedVideo> videos(Object payload) {
        if (!(payload instanceof Map) || !(((Map<?, ?>) payload).get("video") instanceof Map)) {
            return List.of();
        }
        try {
            FalVideoOutput o = FalJson.MOSHI.adapter(FalVideoOutput.class).fromJsonValue(payload);
            return o == null ? List.of() : List.of(FalResponses.video(o));
        } catch (JsonDataException | FalJson.FalParseException | IllegalArgumentException ex) {
            return List.of();
        }
    }

    /** FAILED with the first {@code detail[].type} (or {@code error_type}) as code, and every message as reason. */
    private static JobStatus failure(FalWebhookEnvelope e) {
        String code = null;
        List<String> reasons = new ArrayList<>();
        if (e.error != null) {
            reasons.add(e.error);
        }
        if (e.payload instanceof Map) {
            Map<?, ?> p = (Map<?, ?>) e.payload;
            Object detail = p.get("detail");
            if (detail instanceof List) {
                for (Object d : (List<?>) detail) {
                    if (d instanceof Map) {
                        Map<?, ?> m = (Map<?, ?>) d;
                        code = code == null && m.get("type") != null ? FalJson.text(m.get("type")) : code;
                        reasons.add(loc(m.get("loc")) + FalJson.text(m.get("msg")));
                    }
                }
            } else if (detail instanceof String) {
                reasons.add((String) detail);
            }
            if (code == null && p.get("error_type") instanceof String) {
                code = (String) p.get("error_type");
            }
        }
        if (e.payloadError != null) {
            reasons.add(e.payloadError);
        }
        return JobStatus.failed(FalErrors.kindOfFailure(code), code, reasons.isEmpty() ? "fal reported an error" : String.join("; ", reasons));
    }

    private static String loc(Object loc) {
        if (!(loc instanceof List)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        ((List<?>) loc).forEach(p -> parts.add(FalJson.text(p)));
        if (!parts.isEmpty() && parts.get(0).equals("body")) {
            parts.remove(0);
        }
        return parts.isEmpty() ? "" : String.join(".", parts) + ": ";
    }
}
