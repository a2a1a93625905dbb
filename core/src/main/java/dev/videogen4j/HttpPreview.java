package dev.videogen4j;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP request a submit would send, built by the adapter's own request code but not sent: nothing is
 * created or billed. The client redacts its API keys ({@code Bearer ****}) wherever they appear in it.
 *
 * <pre>{@code
 * HttpPreview p = client.preview(request);
 * System.out.println(p.method() + " " + p.url());
 * p.headers().forEach((name, value) -> System.out.println(name + ": " + value));
 * System.out.println(p.body());
 * }</pre>
 *
 * <p>The body is exactly what would be sent, except for the per-submit id a provider may carry in it (Runware's
 * {@code taskUUID}): every real submit makes a fresh one.
 *
 * @param providerId the provider id
 * @param model    the native model id
 * @param method   the HTTP method, e.g. {@code POST}
 * @param url      the full URL, query included
 * @param headers  the headers the adapter sets (transport headers such as {@code Host} or {@code Content-Length}
 *                 are added by the HTTP client and not listed), in the order they are set
 * @param body     the request body as text, or an empty string when there is none
 */
public record HttpPreview(String providerId, String model, String method, String url, Map<String, String> headers,
                          String body) {
    public HttpPreview {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(url, "url == null");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers == null")));
        body = body == null ? "" : body;
    }
}
