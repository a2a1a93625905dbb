package dev.videogen4j.fal.internal;

import com.squareup.moshi.Json;

/**
 * What fal POSTs to a {@code fal_webhook} URL: {@code status} is {@code OK} or {@code ERROR} (not a queue
 * status); {@code payload} is the model output, or the error body; {@code payload_error} says why an OK
 * delivery carries no payload.
 *
 * <pre>{@code
 * FalWebhookEnvelope e = FalJson.read(FalWebhookEnvelope.class, body);   // e.status is "OK" or "ERROR"
 * }</pre>
 */
public final class FalWebhookEnvelope {
    @Json(name = "request_id") public String requestId;
    @Json(name = "gateway_request_id") public String gatewayRequestId;
    public String status;
    public Object payload;
    public String error;
    @Json(name = "payload_error") public String payloadError;
}
