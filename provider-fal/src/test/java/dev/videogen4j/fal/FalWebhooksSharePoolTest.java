package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given a client's shared resources, the JWKS is fetched over that client's connection pool. */
class FalWebhooksSharePoolTest {
    private static final long NOW = 1_760_000_000L;
    private static final String ID = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    private static final byte[] BODY = ("{\"request_id\": \"" + ID + "\", \"status\": \"OK\", \"payload\": {}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookKeys fal = new WebhookKeys();
    private final MutableClock clock = MutableClock.startingAt(Instant.ofEpochSecond(NOW));
    private final MockWebServer jwks = new MockWebServer();
    private VideoClient client;

    FalWebhooksSharePoolTest() throws Exception {
    }

    @BeforeEach
    void start() throws Exception {
        jwks.start();
        jwks.enqueue(FalFixtures.json(200, WebhookKeys.jwks(fal)));
        client = VideoClient.builder().provider("fal").apiKey("fal", FalFixtures.KEY)
                .baseUrl("fal", jwks.url("/").toString()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        jwks.close();
    }

    private ConnectionPool clientPool() {
        return HttpClients.transport(client.sharedResources()).connectionPool();
    }

    @Test
    void theKeysAreFetchedOverTheClientsPool() throws Exception {
        FalWebhooks hooks = FalWebhooks.builder().sharing(client.sharedResources())
                .jwksUrl(jwks.url("/jwks").toString()).clock(clock).build();
        assertEquals(0, clientPool().connectionCount());
        hooks.verify(BODY, fal.sign(BODY, ID, NOW));
        assertEquals(1, clientPool().idleConnectionCount(), "the JWKS connection idles in the client's pool");
    }

    @Test
    void withoutSharingTheyUseAPoolOfTheirOwn() throws Exception {
        FalWebhooks hooks = FalWebhooks.builder().jwksUrl(jwks.url("/jwks").toString()).clock(clock).build();
        hooks.verify(BODY, fal.sign(BODY, ID, NOW));
        assertEquals(1, jwks.getRequestCount());
        assertEquals(0, clientPool().connectionCount());
    }
}
