package dev.videogen4j.http.internal;

import dev.videogen4j.HttpPreview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Turns a built but unsent OkHttp request into an {@link HttpPreview} (dry runs show exactly what would be sent).
 *
 * <pre>{@code
 * HttpPreview p = Previews.of("runware", "klingai:6@0", http.request(List.of(task)));
 * }</pre>
 */
public final class Previews {
    private Previews() {
    }

    public static HttpPreview of(String provider, String model, Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        RequestBody body = request.body();
        // OkHttp's bridge copies the body's media type into Content-Type on the wire; show it where it will be.
        if (body != null && body.contentType() != null) headers.put("Content-Type", body.contentType().toString());
        Headers set = request.headers();
        for (int i = 0; i < set.size(); i++) headers.merge(set.name(i), set.value(i), (a, b) -> a + ", " + b);
        return new HttpPreview(provider, model, request.method(), request.url().toString(), headers, text(body));
    }

    private static String text(RequestBody body) {
        if (body == null) return "";
        try (Buffer buffer = new Buffer()) {
            body.writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the request body", e);
        }
    }
}
