package dev.videogen4j.fal.internal;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The queue URLs of one base ({@code https://queue.fal.run} or an override). Path segments are added one by
 * one so a request id can never inject a path.
 *
 * <pre>{@code
 * FalUrls urls = new FalUrls(HttpUrl.get("https://queue.fal.run"));
 * urls.status(FalEndpointId.parse("fal-ai/kling-video/v2.1/pro/image-to-video"), "764c...");
 * // https://queue.fal.run/fal-ai/kling-video/requests/764c.../status?logs=1
 * }</pre>
 */
public final class FalUrls {
    private final HttpUrl base;

    public FalUrls(HttpUrl base) {
        this.base = Objects.requireNonNull(base, "base == null");
    }

    public HttpUrl base() {
        return base;
    }

    /** The submit URL, with {@code fal_webhook} and {@code fal_max_queue_length} when given. */
    public HttpUrl submit(FalEndpointId endpoint, String webhookUrl, Integer maxQueueLength) {
        HttpUrl.Builder b = segments(endpoint.submitPath());
        if (webhookUrl != null) {
            b.addQueryParameter("fal_webhook", webhookUrl);
        }
        if (maxQueueLength != null) {
            b.addQueryParameter("fal_max_queue_length", maxQueueLength.toString());
        }
        return b.build();
    }

    /** The status URL; {@code logs=1} as fal's JS client sends it, so IN_PROGRESS carries the runner's logs. */
    public HttpUrl status(FalEndpointId endpoint, String requestId) {
        return request(endpoint, requestId).addPathSegment("status").addQueryParameter("logs", "1").build();
    }

    public HttpUrl result(FalEndpointId endpoint, String requestId) {
        return request(endpoint, requestId).build();
    }

    public HttpUrl cancel(FalEndpointId endpoint, String requestId) {
        return request(endpoint, requestId).addPathSegment("cancel").build();
    }

    private HttpUrl.Builder request(FalEndpointId endpoint, String requestId) {
        Objects.requireNonNull(requestId, "requestId == null");
        return segments(endpoint.appPath()).addPathSegment("requests").addPathSegment(requestId);
    }

    private HttpUrl.Builder segments(String path) {
        // OkHttp replaces a trailing empty segment, so "http://host/" and "http://host/prefix/" both work.
        HttpUrl.Builder b = base.newBuilder();
        for (String segment : path.split("/")) {
            b.addPathSegment(segment);
        }
        return b;
    }
}
