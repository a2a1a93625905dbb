package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

/** {@code /status/stream}: server-sent status events until COMPLETED. */
class FalStatusStreamTest extends EmulatorTestBase {

    @Override
    ProviderEmulatorBuilder configure(ProviderEmulatorBuilder builder) {
        return builder.timing(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void streamsEachStatusChangeAndClosesAtCompleted() throws Exception {
        String statusUrl = (String) falSubmit(FAL_I2V, falInput()).at("status_url");
        Request request = new Request.Builder().url(statusUrl + "/stream")
                .header("Authorization", "Key " + ProviderEmulator.DEFAULT_FAL_KEY).build();
        try (Response response = http.client.newCall(request).execute()) {
            assertEquals(200, response.code());
            assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
            BufferedSource source = response.body().source();

            assertEquals("IN_QUEUE", nextEvent(source).get("status"));
            advance(6);
            Map<?, ?> running = nextEvent(source);
            assertEquals("IN_PROGRESS", running.get("status"));
            assertNull(running.get("logs"), "no logs unless ?logs=1");
            advance(10);
            Map<?, ?> completed = nextEvent(source);
            assertEquals("COMPLETED", completed.get("status"));
            assertTrue(source.exhausted(), "the stream ends after COMPLETED");
        }
        assertEquals(1, emu.stats().requests("fal.stream"));
    }

    @Test
    void completedJobStreamsOneEvent() throws Exception {
        String statusUrl = (String) falSubmit(FAL_I2V, falInput()).at("status_url");
        advance(20);
        TestHttp.Result stream = falGet(statusUrl + "/stream?logs=1");
        List<String> events = new ArrayList<>(List.of(stream.body().split("\n\n")));
        assertEquals(1, events.size());
        assertTrue(events.get(0).startsWith("data: {\"status\":\"COMPLETED\""), events.get(0));
    }

    /** Reads one {@code data:} event; the read blocks until the emulator sends it. */
    private static Map<?, ?> nextEvent(BufferedSource source) throws IOException {
        String line = source.readUtf8LineStrict();
        assertTrue(line.startsWith("data: "), line);
        assertEquals("", source.readUtf8LineStrict());
        try {
            return (Map<?, ?>) Json.parse(line.substring(6).getBytes(StandardCharsets.UTF_8));
        } catch (Json.ParseException e) {
            throw new AssertionError(line, e);
        }
    }
}
