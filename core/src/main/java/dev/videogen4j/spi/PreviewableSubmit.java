package dev.videogen4j.spi;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.VideoRequest;

/**
 * Optional, next to {@link TextToVideo}/{@link ImageToVideo}: a provider that can show the HTTP request a submit
 * would send without sending it ({@code videogen4j generate --dry-run}, {@code VideoClient.preview}). Build it
 * with the same code that builds the real request — a second mapping would show something that is never sent.
 *
 * <pre>{@code
 * public HttpPreview preview(VideoRequest request, SubmitContext context) {
 *     okhttp3.Request r = withAuthHeaders(api.submit(url(context), body(request, context)).request());
 *     return new HttpPreview(id(), context.model().id(), r.method(), r.url().toString(), headersOf(r), bodyOf(r));
 * }
 * }</pre>
 */
public interface PreviewableSubmit {
    /**
     * The request {@code submit(request, context)} would send, keys included (the {@link HttpPreview} redacts
     * them). Makes no HTTP call. The request was already validated against {@code context.model()}.
     */
    HttpPreview preview(VideoRequest request, SubmitContext context);
}
