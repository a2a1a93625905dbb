package dev.videogen4j.fal.internal;

import com.squareup.moshi.Json;

/**
 * fal's answer to a queue submit: {@code {"request_id": "...", "status_url": "...", "queue_position": 0}}.
 * The URLs are ignored on purpose: status/result/cancel URLs are rebuilt from the endpoint id so a stored
 * {@code JobId} works against any base URL (the emulator, a proxy).
 *
 * <pre>{@code
 * String requestId = FalResponses.submit(body).requestId;
 * }</pre>
 */
public final class FalSubmitResponse {
    @Json(name = "request_id") public String requestId;
    @Json(name = "gateway_request_id") public String gatewayRequestId;
    @Json(name = "queue_position") public java.math.BigDecimal queuePosition;
    @Json(name = "status_url") public String statusUrl;
    @Json(name = "response_url") public String responseUrl;
    @Json(name = "cancel_url") public String cancelUrl;
}
