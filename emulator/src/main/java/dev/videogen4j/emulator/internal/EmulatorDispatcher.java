package dev.videogen4j.emulator.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** MockWebServer's entry point: every request goes through {@link EmulatorRuntime#handle}. */
public final class EmulatorDispatcher extends Dispatcher {
    private final MockWebServer server;
    private final EmulatorRuntime runtime;
    private final Duration latency;

    public EmulatorDispatcher(MockWebServer server, EmulatorRuntime runtime, Duration latency) {
        this.server = server;
        this.runtime = runtime;
        this.latency = latency;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        // MockWebServer keeps every request for takeRequest(); nobody reads them here, and a
        // benchmark pushing thousands of jobs must not accumulate their bodies.
        while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
            // discard
        }
        Reply reply;
        try {
            reply = runtime.handle(IncomingRequest.from(recorded));
        } catch (RuntimeException e) {
            // An emulator bug must surface as a loud 500, never as a hung client.
            reply = Reply.json(500, Map.of("emulatorError", String.valueOf(e)));
        }
        return MockResponses.toMockResponse(reply, latency);
    }
}
