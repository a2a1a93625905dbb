package dev.videogen4j.emulator;

import dev.videogen4j.emulator.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A plain OkHttp client for talking to the emulator in tests. Transparent retries are off so
 * every request a test makes reaches the emulator exactly once.
 */
final class TestHttp {
    static final MediaType JSON = MediaType.get("application/json");

    /** One response, read fully. */
    record Result(int code, Headers headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Object json() {
            try {
                return Json.parse(bytes);
            } catch (Json.ParseException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        /** The value at a path of keys and list indexes, e.g. {@code at("data", 0, "status")}. */
        Object at(Object... path) {
            return TestHttp.at(json(), path);
        }
    }

    final OkHttpClient client;

    TestHttp() {
        this(Duration.ofSeconds(10));
    }

    TestHttp(Duration readTimeout) {
        this.client = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                .readTimeout(readTimeout).build();
    }

    Result post(String url, String body, String... headers) throws IOException {
        return execute(new Request.Builder().url(url).post(RequestBody.create(body, JSON)), headers);
    }

    Result get(String url, String... headers) throws IOException {
        return execute(new Request.Builder().url(url).get(), headers);
    }

    Result put(String url, String... headers) throws IOException {
        return execute(new Request.Builder().url(url).put(RequestBody.create(new byte[0], null)), headers);
    }

    private Result execute(Request.Builder request, String... headers) throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return new Result(response.code(), response.headers(), response.body().bytes());
        }
    }

    static Object at(Object json, Object... path) {
        Object current = json;
        for (Object step : path) {
            if (step instanceof Integer index) {
                current = ((List<?>) current).get(index);
            } else {
                current = ((Map<?, ?>) current).get(step);
            }
        }
        return current;
    }

    static String resource(String name) {
        try (var in = TestHttp.class.getResourceAsStream("/seed-examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
