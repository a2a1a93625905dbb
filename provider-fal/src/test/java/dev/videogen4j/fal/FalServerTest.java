package dev.videogen4j.fal;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fal adapter pointed at a fresh {@link MockWebServer} for each test, closed after it: the set-up most of the
 * adapter's tests share.
 */
abstract class FalServerTest {
    protected final MockWebServer server = new MockWebServer();
    protected FalProvider fal;

    @BeforeEach
    void startServerAndAdapter() throws Exception {
        server.start();
        fal = FalFixtures.provider(server);
    }

    @AfterEach
    void closeAdapterAndServer() {
        fal.close();
        server.close();
    }
}
