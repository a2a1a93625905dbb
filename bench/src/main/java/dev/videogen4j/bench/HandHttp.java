package dev.videogen4j.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The HTTP part of the hand-written baseline clients: one OkHttp client, Moshi for the JSON, a blocking call
 * per request — what a developer writes when she calls a vendor directly, and nothing more.
 *
 * <pre>{@code
 * Map<String, Object> body = http.call(http.post(url, "[{...}]").header("Authorization", "Bearer k").build());
 * }</pre>
 */
final class HandHttp implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final Moshi MOSHI = new Moshi.Builder().build();
    static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);
    private static final JsonAdapter<Map<String, Object>> OBJECT =
            MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    // Like the adapters: no silent resend of a submit after a broken connection.
    private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    Request.Builder post(String url, Object body) {
        return new Request.Builder().url(url).post(RequestBody.create(ANY.toJson(body), JSON));
    }

    /** The JSON object answered; any status outside 2xx is an IOException naming it. */
    Map<String, Object> call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            if (!r.isSuccessful()) throw new IOException(request.url() + " answered " + r.code() + ": " + text);
            return OBJECT.fromJson(text);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
