package dev.videogen4j.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Request;

/**
 * A minimal fal queue client written by hand: submit, status until COMPLETED, result — the three requests
 * videogen4j sends, with the same input fields, and nothing else. The yardstick for B1.
 *
 * <pre>{@code
 * try (HandFal fal = new HandFal("http://127.0.0.1:8080", "key")) {
 *     String videoUrl = fal.generate(1, Duration.ZERO);
 * }
 * }</pre>
 */
final class HandFal implements HandClient {
    private static final String APP = "fal-ai/kling-video";

    private final HandHttp http = new HandHttp();
    private final String base;
    private final String authorization;

    HandFal(String base, String apiKey) {
        this.base = base;
        this.authorization = "Key " + apiKey;
    }

    @Override
    public String submit(long n) throws IOException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", Requests.prompt(n));
        input.put("image_url", Requests.FAL_IMAGE);
        input.put("duration", "5");
        input.put("negative_prompt", Requests.NEGATIVE);
        input.put("cfg_scale", 0.6);
        return (String) http.call(authorized(http.post(base + "/" + Requests.FAL_ENDPOINT, input))).get("request_id");
    }

    @Override
    public Poll poll(String requestId) throws IOException {
        Object status = http.call(authorized(get(request(requestId) + "/status?logs=1"))).get("status");
        return new Poll("COMPLETED".equals(status), null);
    }

    @Override
    public String result(String requestId) throws IOException {
        Map<?, ?> video = (Map<?, ?>) http.call(authorized(get(request(requestId)))).get("video");
        return (String) video.get("url");
    }

    @Override
    public boolean resultIsACall() {
        return true;
    }

    private String request(String requestId) {
        return base + "/" + APP + "/requests/" + requestId;
    }

    private static Request.Builder get(String url) {
        return new Request.Builder().url(url);
    }

    private Request authorized(Request.Builder b) {
        return b.header("Authorization", authorization).header("Accept", "application/json").build();
    }

    @Override
    public void close() {
        http.close();
    }
}
