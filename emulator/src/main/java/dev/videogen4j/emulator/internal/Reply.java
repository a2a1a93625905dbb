package dev.videogen4j.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.BufferedSink;

/** What the emulator answers to one request, before it becomes a MockWebServer response. */
public final class Reply {
    /** A body written while the connection stays open (server-sent events). */
    public interface Stream {
        void writeTo(BufferedSink sink) throws IOException;

        /** The first chunk alone, used when a fault has to replace the stream with a fixed body. */
        byte[] firstChunk();
    }

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;
    private final Stream stream;
    private boolean dropConnection;
    private Duration delay = Duration.ZERO;

    private Reply(int status, String contentType, byte[] body, Stream stream) {
        this.status = status;
        this.body = body;
        this.stream = stream;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, "application/json", Json.write(value), null);
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, null);
    }

    public static Reply text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply stream(String contentType, Stream stream) {
        return new Reply(200, contentType, stream.firstChunk(), stream);
    }

    /** No response at all: the connection is closed once the request has been read. */
    public static Reply dropConnection() {
        Reply reply = new Reply(0, null, new byte[0], null);
        reply.dropConnection = true;
        return reply;
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A copy with the same status and headers and a replaced body (no longer streamed). */
    public Reply withBody(byte[] newBody) {
        Reply copy = new Reply(status, null, newBody, null);
        copy.headers.putAll(headers);
        copy.dropConnection = dropConnection;
        copy.delay = delay;
        return copy;
    }

    /** Holds the response back by {@code extra} real time before its headers are sent. */
    public Reply delayedBy(Duration extra) {
        delay = delay.plus(extra);
        return this;
    }

    public Reply droppingConnection() {
        dropConnection = true;
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public Stream stream() {
        return stream;
    }

    public boolean dropsConnection() {
        return dropConnection;
    }

    public Duration delay() {
        return delay;
    }
}
