package dev.videogen4j.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.videogen4j.spi.SharedResources;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapter clients handed one {@link SharedResources} share a pool and dispatcher, and keep their own rules. */
class SharedTransportTest {
    private final MockWebServer vendor = new MockWebServer();
    private final SharedResources shared = new SharedResources();

    @BeforeEach
    void start() throws IOException {
        vendor.start();
    }

    @AfterEach
    void stop() {
        shared.close();
        vendor.close();
    }

    private static OkHttpClient client(String id, Duration read, SharedResources shared) {
        return HttpClients.create(new HttpClients.Settings(id, Duration.ofSeconds(5), read, Duration.ofSeconds(30), null, null,
                shared), r -> r);
    }

    private String get(OkHttpClient c) throws IOException {
        vendor.enqueue(new MockResponse.Builder().body("ok").build());
        try (Response r = c.newCall(new Request.Builder().url(vendor.url("/x")).build()).execute()) {
            return r.body().string();
        }
    }

    @Test
    void clientsOfOneSetShareThePoolAndDispatcherAndKeepTheirOwnTimeouts() throws Exception {
        OkHttpClient a = client("alpha", Duration.ofSeconds(7), shared);
        OkHttpClient b = client("beta", Duration.ofSeconds(9), shared);
        assertSame(a.connectionPool(), b.connectionPool());
        assertSame(a.dispatcher(), b.dispatcher());
        assertEquals(7000, a.readTimeoutMillis());
        assertEquals(9000, b.readTimeoutMillis());

        get(a);
        get(b);
        assertEquals(0, vendor.takeRequest().getConnectionIndex());
        assertEquals(1, vendor.takeRequest().getExchangeIndex(), "b reused the connection a opened");
    }

    @Test
    void closingOneClientLeavesTheSharedPoolToTheOthersAndReleasingTheSetEmptiesIt() throws Exception {
        OkHttpClient a = client("alpha", Duration.ofSeconds(5), shared);
        OkHttpClient b = client("beta", Duration.ofSeconds(5), shared);
        get(a);
        HttpClients.close(a);
        assertEquals(1, b.connectionPool().idleConnectionCount(), "a's close kept the shared connection");
        assertEquals("ok", get(b));
        vendor.takeRequest();
        RecordedRequest second = vendor.takeRequest();
        assertEquals(List.of(0, 1), List.of(second.getConnectionIndex(), second.getExchangeIndex()), "on a's connection");

        shared.close();
        assertEquals(0, b.connectionPool().connectionCount(), "the last user's release closes the connections");
    }

    @Test
    void withoutASetEveryClientHasItsOwnPoolAndItsCloseEmptiesIt() throws Exception {
        OkHttpClient a = client("alpha", Duration.ofSeconds(5), null);
        OkHttpClient b = client("beta", Duration.ofSeconds(5), null);
        assertNotSame(a.connectionPool(), b.connectionPool());
        get(a);
        assertEquals(1, a.connectionPool().idleConnectionCount());
        HttpClients.close(a);
        assertEquals(0, a.connectionPool().connectionCount());
        HttpClients.close(b);
    }
}
