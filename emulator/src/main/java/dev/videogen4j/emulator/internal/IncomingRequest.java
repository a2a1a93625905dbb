package dev.videogen4j.emulator.internal;

import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One HTTP request as the emulator's handlers see it: the recorded request, or the request a fal
 * client meant when it went through a proxy (header {@code x-fal-target-url}).
 */
public final class IncomingRequest {
    static final String FAL_TARGET_URL = "x-fal-target-url";

    private final String method;
    private final HttpUrl url;
    private final Headers headers;
    private final byte[] body;
    private final boolean viaFalProxy;
    private Object json;
    private Json.ParseException jsonError;
    private boolean jsonParsed;

    IncomingRequest(String method, HttpUrl url, Headers headers, byte[] body, boolean viaFalProxy) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
        this.viaFalProxy = viaFalProxy;
    }

    /**
     * Reads {@code recorded}. A request carrying {@code x-fal-target-url:
     * https://queue.fal.run/<path>?<query>} is handled as if it had been sent to that path and
     * query, which is how fal's clients talk to a server-side proxy.
     */
    static IncomingRequest from(RecordedRequest recorded) {
        HttpUrl url = recorded.getUrl();
        String target = recorded.getHeaders().get(FAL_TARGET_URL);
        HttpUrl targetUrl = target == null ? null : HttpUrl.parse(target);
        boolean proxied = targetUrl != null;
        if (proxied) {
            url = url.newBuilder().encodedPath(targetUrl.encodedPath())
                    .encodedQuery(targetUrl.encodedQuery()).build();
        }
        byte[] body = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
        return new IncomingRequest(recorded.getMethod(), url, recorded.getHeaders(), body, proxied);
    }

    public String method() {
        return method;
    }

    /** The decoded path, e.g. {@code /fal-ai/kling-video/requests/abc/status}. */
    public String path() {
        return url.encodedPath();
    }

    public List<String> pathSegments() {
        return url.pathSegments();
    }

    public String query(String name) {
        return url.queryParameter(name);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public byte[] body() {
        return body;
    }

    /** True when the request came through the fal proxy convention. */
    public boolean viaFalProxy() {
        return viaFalProxy;
    }

    /** The body parsed as JSON, parsed at most once per request. */
    public synchronized Object json() throws Json.ParseException {
        if (!jsonParsed) {
            jsonParsed = true;
            try {
                json = Json.parse(body);
            } catch (Json.ParseException e) {
                jsonError = e;
            }
        }
        if (jsonError != null) {
            throw jsonError;
        }
        return json;
    }
}
