package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.videogen4j.VideoClient;
import dev.videogen4j.testkit.EmulatorHarness;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients made with {@code newBuilder()} send over one connection pool: the second client's submit goes out on the
 * connection the first one opened, and closing the first leaves the pool to the second. An independent client
 * opens its own connection.
 */
class RunwareClientsShareOnePoolTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return Fixtures.ackOf(request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VideoClient client() {
        return VideoClient.builder().provider("runware").apiKey("runware", Fixtures.KEY)
                .baseUrl("runware", server.url("/v1").toString()).build();
    }

    @Test
    void aDerivedClientReusesTheParentsConnectionAndOutlivesIt() throws Exception {
        VideoClient parent = client();
        VideoClient child = parent.newBuilder().build();
        parent.submit(EmulatorHarness.request(0));
        child.submit(EmulatorHarness.request(1));
        parent.close();
        child.submit(EmulatorHarness.request(2));
        child.close();

        List<RecordedRequest> r = List.of(server.takeRequest(), server.takeRequest(), server.takeRequest());
        assertEquals(List.of(0, 0, 0), r.stream().map(RecordedRequest::getConnectionIndex).toList(), "one connection");
        assertEquals(List.of(0, 1, 2), r.stream().map(RecordedRequest::getExchangeIndex).toList());
    }

    @Test
    void independentClientsOpenTheirOwnConnections() throws Exception {
        try (VideoClient a = client(); VideoClient b = client()) {
            a.submit(EmulatorHarness.request(0));
            b.submit(EmulatorHarness.request(1));
        }
        assertNotEquals(server.takeRequest().getConnectionIndex(), server.takeRequest().getConnectionIndex());
    }
}
