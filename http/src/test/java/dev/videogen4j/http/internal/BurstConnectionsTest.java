package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that come in bursts (10,000 jobs submitted at once, their polls later) keep their connections between
 * bursts: the pool closed every idle connection beyond 64, so each burst of more calls reconnected the rest.
 */
class BurstConnectionsTest {
    // More than the old idle limit (64), fewer than the calls core may run at once on virtual threads (256).
    private static final int BURST = 100;
    private final MockWebServer vendor = new MockWebServer();
    private final List<RecordedRequest> seen = new ArrayList<>();
    private volatile CountDownLatch allArrived;
    private ExecutorService callers;
    private OkHttpClient client;

    @BeforeEach
    void start() throws IOException {
        // Each request is answered only once the whole burst has arrived, so the burst holds BURST connections.
        vendor.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                synchronized (seen) {
                    seen.add(request);
                }
                CountDownLatch arrived = allArrived;
                arrived.countDown();
                arrived.await(30, TimeUnit.SECONDS);
                return new MockResponse.Builder().body("ok").build();
            }
        });
        vendor.start();
        client = HttpClients.create(new HttpClients.Settings("acme", Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60), null), r -> r);
        callers = Executors.newFixedThreadPool(BURST);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        HttpClients.close(client);
        vendor.close();
    }

    @Test
    void aSecondBurstOfAHundredCallsReusesEveryConnectionTheFirstOpened() throws Exception {
        burst();
        // OkHttp's closer runs on its own thread as soon as a connection turns idle; run it here to need no wait.
        client.connectionPool().getDelegate$okhttp().closeConnections(System.nanoTime());
        assertEquals(BURST, client.connectionPool().idleConnectionCount(), "idle connections kept after the burst");

        seen.clear();
        burst();
        long opened = seen.stream().filter(r -> r.getExchangeIndex() == 0).count();
        assertEquals(0, opened, "connections the second burst had to open");
    }

    private void burst() throws Exception {
        allArrived = new CountDownLatch(BURST);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            calls.add(callers.submit(() -> {
                try (Response r = client.newCall(new Request.Builder().url(vendor.url("/job")).build()).execute()) {
                    return r.body().string();
                }
            }));
        }
        for (Future<String> call : calls) assertEquals("ok", call.get(60, TimeUnit.SECONDS));
        assertTrue(allArrived.getCount() == 0, "every call of the burst was in flight at once");
    }
}
