package dev.videogen4j.emulator.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;

/** Turns a {@link Reply} into the MockWebServer response that puts it on the wire. */
final class MockResponses {
    private MockResponses() {}

    static MockResponse toMockResponse(Reply reply, Duration latency) {
        MockResponse.Builder builder = new MockResponse.Builder();
        if (reply.dropsConnection()) {
            // Close the socket where the response would start: the client sees an empty reply.
            return builder.onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        builder.code(reply.status());
        reply.headers().forEach(builder::setHeader);
        if (reply.stream() != null) {
            // Length unknown: the body ends when the connection closes, as SSE over HTTP/1.1 allows.
            builder.removeHeader("Content-Length").setHeader("Connection", "close")
                    .body(streamingBody(reply.stream()))
                    .onResponseEnd(new SocketEffect.CloseSocket());
        } else {
            builder.body(new Buffer().write(reply.body()));
        }
        long delayNanos = latency.plus(reply.delay()).toNanos();
        if (delayNanos > 0) {
            builder.headersDelay(delayNanos, TimeUnit.NANOSECONDS);
        }
        return builder.build();
    }

    private static MockResponseBody streamingBody(Reply.Stream stream) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1L;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                stream.writeTo(sink);
            }
        };
    }
}
