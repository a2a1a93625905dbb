package dev.videogen4j.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A minimal Runware client written by hand: the same two requests videogen4j sends (a {@code videoInference}
 * task, then {@code getResponse} until the video is there) with the same task fields, and no retries,
 * validation, events or bookkeeping. The yardstick for B1.
 *
 * <pre>{@code
 * try (HandRunware rw = new HandRunware("http://127.0.0.1:8080/v1", "key")) {
 *     String videoUrl = rw.generate(1, Duration.ZERO);
 * }
 * }</pre>
 */
final class HandRunware implements HandClient {
    private final HandHttp http = new HandHttp();
    private final String url;
    private final String authorization;

    HandRunware(String url, String apiKey) {
        this.url = url;
        this.authorization = "Bearer " + apiKey;
    }

    @Override
    public String submit(long n) throws IOException {
        String taskUUID = UUID.randomUUID().toString();
        Map<String, Object> accepted = send(List.of(videoInference(taskUUID, n)));
        if (accepted.get("data") == null) throw new IOException("submit refused: " + accepted);
        return taskUUID;
    }

    @Override
    public Poll poll(String taskUUID) throws IOException {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskType", "getResponse");
        task.put("taskUUID", taskUUID);
        Map<String, Object> r = send(List.of(task));
        if (r.get("errors") != null) throw new IOException("job failed: " + r.get("errors"));
        for (Object item : (List<?>) r.get("data")) {
            Map<?, ?> m = (Map<?, ?>) item;
            if ("success".equals(m.get("status"))) return new Poll(true, (String) m.get("videoURL"));
        }
        return new Poll(false, null);
    }

    @Override
    public String result(String taskUUID) {
        throw new UnsupportedOperationException("Runware answers the video URL in the poll");
    }

    @Override
    public boolean resultIsACall() {
        return false;
    }

    private Map<String, Object> send(List<Map<String, Object>> tasks) throws IOException {
        return http.call(http.post(url, tasks).header("Authorization", authorization).build());
    }

    private static Map<String, Object> videoInference(String taskUUID, long n) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskType", "videoInference");
        t.put("taskUUID", taskUUID);
        t.put("model", Requests.RUNWARE_MODEL);
        t.put("positivePrompt", Requests.prompt(n));
        t.put("negativePrompt", Requests.NEGATIVE);
        t.put("duration", 5);
        t.put("CFGScale", 0.6);
        t.put("inputs", Map.of("frameImages", List.of(Map.of("image", Requests.RUNWARE_IMAGE, "frame", "first"))));
        t.put("deliveryMethod", "async");
        t.put("includeCost", true);
        return t;
    }

    @Override
    public void close() {
        http.close();
    }
}
