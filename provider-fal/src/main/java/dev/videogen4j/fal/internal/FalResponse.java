package dev.videogen4j.fal.internal;

import okhttp3.Headers;

/**
 * One HTTP answer from fal, fully read: status, headers and the body text ({@code ""} when there was none).
 *
 * <pre>{@code
 * FalResponse r = http.execute(Operation.POLL, call);
 * if (!r.isSuccessful()) throw FalErrors.toException(Operation.POLL, r);
 * }</pre>
 *
 * @param code    the HTTP status
 * @param headers the response headers
 * @param body       the body as text
 * @param retryAfter the {@code Retry-After} (seconds or HTTP-date, clamped), or {@code null}
 */
public record FalResponse(int code, Headers headers, String body, java.time.Duration retryAfter) {
    /** fal's {@code x-fal-request-id}, or {@code null}. */
    public String requestId() {
        return headers.get("x-fal-request-id");
    }

    public boolean isSuccessful() {
        return code >= 200 && code < 300;
    }
}
