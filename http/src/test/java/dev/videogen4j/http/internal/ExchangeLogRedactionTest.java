package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 9 for the DEBUG exchange log: a vendor that names its request id or a job path after the key (in
 * any spelling) does not get it into the log line; the adapter's own redactor scrubs the line.
 */
class ExchangeLogRedactionTest {
    private static final String KEY = "acme-Key/4f9c2e71b8d3a6";

    static {
        // slf4j-simple reads a logger's level when the logger is made: set before the exchange log makes it.
        System.setProperty("org.slf4j.simpleLogger.log.dev.videogen4j.http.leaky", "debug");
    }

    @Test
    void aRequestIdOrPathEchoingTheKeyIsScrubbedFromTheLogLine() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.start();
            vendor.enqueue(new MockResponse.Builder().code(200).setHeader("x-leaky-request-id", "req-" + KEY.toLowerCase(Locale.ROOT))
                    .body("{}").build());
            OkHttpClient client = HttpClients.create(new HttpClients.Settings("leaky", Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), "x-leaky-request-id", Redactor.of(ApiKey.of(KEY))),
                    r -> r.header("Authorization", "Key " + KEY));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Response r = client.newCall(new Request.Builder()
                    .url(vendor.url("/jobs/" + URLEncoder.encode(KEY, StandardCharsets.UTF_8) + "/status")).build()).execute()) {
                assertEquals(200, r.code());
            } finally {
                System.setErr(original);
                HttpClients.close(client);
            }
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("dev.videogen4j.http.leaky")).collect(Collectors.toList());
        assertEquals(1, lines.size(), "one DEBUG line: " + captured);
        String line = lines.get(0);
        assertTrue(line.matches(".* - leaky GET /jobs/\\*\\*\\*\\*/status -> HTTP 200 in \\d+ ms \\(request id req-\\*\\*\\*\\*\\)"), line);
        assertFalse(line.toLowerCase(Locale.ROOT).contains(KEY.toLowerCase(Locale.ROOT)), line);
    }
}
