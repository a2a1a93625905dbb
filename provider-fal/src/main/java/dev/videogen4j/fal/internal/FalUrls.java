package dev.videogen4j.fal.internal;

import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * The queue URLs of one base ({@code https://queue.fal.run} or an override). Path segments are added one by
 * one so a request id can never inject a path.
 *
 * <pre>{@code
 * FalUrls urls = new FalUrls(HttpUrl.get("https://queue.fal.run"));
 * urls.status(FalEndpointId.parse("fal-ai/kling-video/v2.1/pro/image-to-video"), "764c...", null);
 * // https://queue.fal.run/fal-ai/kling-video/requests/764c.../status?logs=0
 * urls.statusStream(FalEndpointId.parse("fal-ai/kling-video/v2.1/pro/image-to-video"), "764c...", null);
 * // https://queue.fal.run/fal-ai/kling-video/requests/764c.../status/stream?logs=0
 * }</pre>
 *
 * <p>fal's reference says to use the {@code status_url}, {@code response_url} and {@code cancel_url} submit
 * returns rather than build them (https://fal.ai/docs/inference-api/queue/cancel, read 2026-12-01), and its
 * Python client does so ({@code SyncRequestHandle}). {@link #fromSubmit} keeps them when they point at the
 * configured base's scheme, host and port — the API key is never sent to a host the user did not configure —
 * and the URLs are built (as fal's clients do for {@code from_request_id}) for a resumed job that has none.
 */
public final class FalUrls {
    private final HttpUrl base;
    // The base's origin as OkHttp writes a URL ("https://queue.fal.run/"): text starting with it parses to this
    // scheme, host and port, whatever follows.
    private final String origin;

    public FalUrls(HttpUrl base) {
        this.base = Objects.requireNonNull(base, "base == null");
        this.origin = base.resolve("/").toString();
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

    /**
     * The URLs of a submit answer worth keeping, or {@code null} when any is missing or points elsewhere than
     * the configured base.
     */
    public FalJobMemory.Urls fromSubmit(FalSubmitResponse submitted) {
        HttpUrl status = sameOrigin(submitted.statusUrl);
        HttpUrl response = sameOrigin(submitted.responseUrl);
        String cancel = submitted.cancelUrl;
        boolean cancelHere = cancel != null && (cancel.startsWith(origin) || sameOrigin(cancel) != null);
        return status == null || response == null || !cancelHere ? null
                : new FalJobMemory.Urls(status, response, cancel);
    }

    /**
     * The status URL with {@code logs=0}: the adapter reports no log lines, so it does not ask fal to send
     * them (fal's JS client sends {@code logs=0} by default too).
     */
    public HttpUrl status(FalEndpointId endpoint, String requestId, FalJobMemory.Urls known) {
        return statusPath(endpoint, requestId, known).addQueryParameter("logs", "0").build();
    }

    /** The status stream: the status URL with {@code /stream}, also without logs. */
    public HttpUrl statusStream(FalEndpointId endpoint, String requestId, FalJobMemory.Urls known) {
        return statusPath(endpoint, requestId, known).addPathSegment("stream").addQueryParameter("logs", "0").build();
    }

    private HttpUrl.Builder statusPath(FalEndpointId endpoint, String requestId, FalJobMemory.Urls known) {
        return known != null ? known.status().newBuilder().removeAllQueryParameters("logs")
                : request(endpoint, requestId).addPathSegment("status");
    }

    public HttpUrl result(FalEndpointId endpoint, String requestId, FalJobMemory.Urls known) {
        return known != null ? known.response() : request(endpoint, requestId).build();
    }

    public HttpUrl cancel(FalEndpointId endpoint, String requestId, FalJobMemory.Urls known) {
        // Its origin was checked when it was kept: it parses.
        return known != null ? HttpUrl.get(known.cancel())
                : request(endpoint, requestId).addPathSegment("cancel").build();
    }

    private HttpUrl sameOrigin(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        return parsed != null && parsed.scheme().equals(base.scheme()) && parsed.host().equals(base.host())
                && parsed.port() == base.port() ? parsed : null;
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
