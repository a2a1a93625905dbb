package dev.videogen4j.emulator;

import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a seeded emulator on a manual clock for each test and offers vendor-shaped calls. */
abstract class EmulatorTestBase {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String FAL_I2V = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    static final String IMAGE = "https://example.com/first.jpg";

    MutableClock clock;
    ProviderEmulator emu;
    final TestHttp http = new TestHttp();

    @BeforeEach
    void startEmulator() {
        clock = MutableClock.startingAt(T0);
        emu = configure(ProviderEmulator.builder().clock(clock).seed(42L)).start();
    }

    @AfterEach
    void stopEmulator() {
        emu.close();
    }

    /** Override to change the emulator's configuration. */
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder;
    }

    TestHttp.Result runware(Object... tasks) throws IOException {
        return http.post(emu.runwareBaseUrl(), Json.writeString(List.of(tasks)),
                "Authorization", "Bearer " + ProviderEmulator.DEFAULT_RUNWARE_KEY);
    }

    /** A text-to-video task for {@code model} (no inputs, cost asked for) with {@code fields} applied. */
    static Map<String, Object> t2vTask(String model, Object... fields) {
        Map<String, Object> task = videoTask(fields);
        task.put("model", model);
        task.remove("inputs");
        task.put("includeCost", true);
        return task;
    }

    /** The error codes of a Runware answer that must be a 400. */
    List<Object> errorCodes(Map<String, Object> task) throws IOException {
        TestHttp.Result result = runware(task);
        org.junit.jupiter.api.Assertions.assertEquals(400, result.code(), result.body());
        return ((List<?>) result.at("errors")).stream().map(e -> (Object) ((Map<?, ?>) e).get("code")).toList();
    }

    /** A valid image-to-video task for klingai:6@0 with {@code overrides} applied (null removes). */
    static Map<String, Object> videoTask(Object... overrides) {
        Map<String, Object> task = new LinkedHashMap<>(Json.object("taskType", "videoInference",
                "taskUUID", UUID.randomUUID().toString(), "model", "klingai:6@0",
                "positivePrompt", "A slow cinematic glide", "duration", 5,
                "inputs", Map.of("frameImages", List.of(Map.of("image", IMAGE, "frame", "first")))));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                task.remove((String) overrides[i]);
            } else {
                task.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return task;
    }

    static Map<String, Object> poll(Object taskUUID) {
        return Json.object("taskType", "getResponse", "taskUUID", taskUUID);
    }

    TestHttp.Result falSubmit(String endpoint, String body, String... headers) throws IOException {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Key " + ProviderEmulator.DEFAULT_FAL_KEY;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(emu.falQueueBaseUrl() + "/" + endpoint, body, all);
    }

    TestHttp.Result falGet(String url) throws IOException {
        return http.get(url, "Authorization", "Key " + ProviderEmulator.DEFAULT_FAL_KEY);
    }

    TestHttp.Result falPut(String url) throws IOException {
        return http.put(url, "Authorization", "Key " + ProviderEmulator.DEFAULT_FAL_KEY);
    }

    static String falInput(Object... fields) {
        Map<String, Object> input = new LinkedHashMap<>(Json.object("prompt", "A cat chases a dot",
                "image_url", IMAGE));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                input.remove((String) fields[i]);
            } else {
                input.put((String) fields[i], fields[i + 1]);
            }
        }
        return Json.writeString(input);
    }

    void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }
}
