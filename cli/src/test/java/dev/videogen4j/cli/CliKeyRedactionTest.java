package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defect 9 at the command line: a vendor that echoes the key (upper-cased, URL-encoded, JSON-escaped, in a
 * base64 Authorization header) in its error does not get it printed; the client scrubs its own key first.
 */
class CliKeyRedactionTest {
    private static final String KEY = "rw/secret\"Key_9f8e7d6c5b4a";

    @Test
    void aVendorErrorEchoingTheKeyInAnySpellingPrintsWithoutIt() throws Exception {
        String json = KEY.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        String echo = "key " + KEY.toUpperCase(Locale.ROOT) + " | " + URLEncoder.encode(KEY, StandardCharsets.UTF_8)
                + " | " + json + " | Authorization: Basic " + Base64.getEncoder().encodeToString(("Bearer " + KEY)
                .getBytes(StandardCharsets.UTF_8)) + " rejected";
        // The body's JSON string decodes to `echo`: escape it once more for the wire.
        String body = "{\"errors\":[{\"code\":\"invalidApiKey\",\"message\":\"" + echo.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"parameter\":\"apiKey\",\"taskType\":\"videoInference\"}]}";
        HttpServer vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, b.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(b);
            }
        });
        vendor.start();
        CliRun cli = new CliRun();
        try {
            cli.env.put("RUNWARE_API_KEY", KEY);
            cli.env.put("VIDEOGEN4J_RUNWARE_BASE_URL", "http://127.0.0.1:" + vendor.getAddress().getPort() + "/v1");
            int exit = cli.run("generate", "--provider", "runware", "--prompt", "A lighthouse at dusk",
                    "--image", "https://example.com/first.jpg");
            assertNotEquals(0, exit, cli.out() + cli.err());
        } finally {
            vendor.stop(0);
        }
        String printed = cli.out() + cli.err();
        assertTrue(printed.contains("****"), printed);
        for (String form : List.of(KEY, KEY.toLowerCase(Locale.ROOT), URLEncoder.encode(KEY, StandardCharsets.UTF_8), json,
                "secret", Base64.getEncoder().encodeToString(("Bearer " + KEY).getBytes(StandardCharsets.UTF_8)).substring(10, 30))) {
            assertFalse(printed.toLowerCase(Locale.ROOT).contains(form.toLowerCase(Locale.ROOT)), form + " in:\n" + printed);
        }
    }
}
