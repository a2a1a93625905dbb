package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport rules every adapter inherits: each test fails if OkHttp's own resend or redirect comes back. */
class HttpClientsTest {
    private final MockWebServer vendor = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private OkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        vendor.start();
        elsewhere.start();
        client = HttpClients.create(new HttpClients.Settings("acme", Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(800), "x-acme-request-id"), r -> r.header("Authorization", "Key k"));
    }

    @AfterEach
    void stop() {
        HttpClients.close(client);
        vendor.close();
        elsewhere.close();
    }

    private Response post() throws IOException {
        return client.newCall(new Request.Builder().url(vendor.url("/submit"))
                .post(RequestBody.create("{\"prompt\":\"a cat\"}", MediaType.get("application/json"))).build()).execute();
    }

    @Test
    void a503WithRetryAfterZeroIsNotResentByOkHttp() throws IOException {
        vendor.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "0").build());
        vendor.enqueue(new MockResponse.Builder().code(200).body("{\"second\":true}").build());
        try (Response r = post()) {
            assertEquals(503, r.code());
            assertEquals("0", r.header(ResendGuard.HEADER));
        }
        assertEquals(1, vendor.getRequestCount(), "OkHttp resent a billable POST by itself");
    }

    @Test
    void aRetryAfterBeyondIntIsAHeaderNotACrash() throws IOException {
        vendor.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "2147483648").build());
        try (Response r = post()) {
            assertEquals(503, r.code());
            assertEquals("2147483648", r.header(ResendGuard.HEADER));
            assertNull(r.header("Retry-After"));
        }
    }

    @Test
    void noRedirectIsFollowedNeitherARePostNorAGet() throws IOException {
        for (int code : new int[] {301, 302, 303, 307, 308}) {
            vendor.enqueue(new MockResponse.Builder().code(code).setHeader("Location", elsewhere.url("/steal")).build());
            try (Response r = post()) {
                assertEquals(code, r.code());
            }
        }
        assertEquals(0, elsewhere.getRequestCount(), "a redirect carried the request to another host");
        assertEquals(5, vendor.getRequestCount());
    }

    @Test
    void anAnswerDrippingOneByteAtATimeEndsAtTheCallDeadline() {
        // Each byte arrives well within the read timeout (5 s); only the whole-call deadline (800 ms) can end it.
        vendor.enqueue(new MockResponse.Builder().code(200).body("x".repeat(100)).throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> {
            try (Response r = post()) {
                r.body().string();
            }
        });
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(e instanceof InterruptedIOException || e.getMessage().contains("timeout") || e.getMessage().contains("Canceled"), e.toString());
        assertTrue(millis < 3_000, "the call took " + millis + " ms");
    }

    @Test
    void everyRequestCarriesAVersionedUserAgentAndTheVendorHeaders() throws Exception {
        vendor.enqueue(new MockResponse.Builder().code(200).build());
        post().close();
        var recorded = vendor.takeRequest();
        assertTrue(recorded.getHeaders().get("User-Agent").matches("videogen4j/[^ ]+ \\(acme\\)"),
                recorded.getHeaders().get("User-Agent"));
        assertEquals("Key k", recorded.getHeaders().get("Authorization"));
    }

    @Test
    void aGiantBodyIsRefusedAtTheLimit() throws IOException {
        vendor.enqueue(new MockResponse.Builder().code(200).body("y".repeat(10_000)).build());
        try (Response r = post()) {
            assertThrows(Bodies.TooLarge.class, () -> Bodies.read(r.body(), 1_000));
        }
        vendor.enqueue(new MockResponse.Builder().code(200).body("small").build());
        try (Response r = post()) {
            assertEquals("small", Bodies.read(r.body(), 1_000));
        }
    }
}
