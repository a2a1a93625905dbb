package dev.videogen4j.fal.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One submit, ready to send: the endpoint, the model input JSON (as an ordered map), the per-request headers
 * and the webhook URL.
 *
 * <pre>{@code
 * FalSubmission s = FalRequestMapper.map(request, model, Map.of());
 * s.endpoint().submitPath();   // "fal-ai/kling-video/v2.1/pro/image-to-video"
 * }</pre>
 *
 * @param endpoint   where it goes
 * @param input      the model input, fal field names, no null values
 * @param headers    extra request headers ({@code X-Fal-Request-Timeout} and friends)
 * @param webhookUrl the {@code fal_webhook} query parameter, or {@code null}
 */
public record FalSubmission(FalEndpointId endpoint, Map<String, Object> input, Map<String, String> headers,
                            String webhookUrl) {
    public FalSubmission {
        Objects.requireNonNull(endpoint, "endpoint == null");
        input = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(input));
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
