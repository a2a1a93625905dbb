package dev.videogen4j.http.internal;

import dev.videogen4j.spi.Redactor;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per HTTP exchange, on the logger {@code dev.videogen4j.http.<provider>}: the operation (when the
 * request carries a {@link Label}), method, path, status, time to the response, what the call is about and the
 * vendor's request id. Headers (the API key is one), bodies (prompts, data-URI images) and query strings (a
 * webhook URL may carry a token) are never logged.
 *
 * <pre>
 * runware submit POST /v1 -&gt; HTTP 200 in 12 ms (task 24cd5dff-cb81-4db5-8506-b72a9425f9d1)
 * fal GET /fal-ai/kling-video/requests/3f0c.../status -&gt; no response after 60002 ms: SocketTimeoutException
 * </pre>
 */
public final class ExchangeLog implements Interceptor {
    /**
     * What a request is about ({@code "submit"}, {@code "task 24cd..."} or {@code "3 tasks"}), attached to it as a
     * tag since the log never reads bodies.
     *
     * <pre>{@code
     * new Request.Builder().url(url).tag(ExchangeLog.Label.class, new ExchangeLog.Label("poll", "3 tasks"))
     * }</pre>
     */
    public record Label(String operation, String about) {
    }

    private final String providerId;
    private final String requestIdHeader;
    private final Logger log;
    private final Redactor redactor;

    /**
     * @param requestIdHeader the response header naming the vendor's request id, or {@code null}
     * @param redactor        the adapter's key redactor: a path or a request id a vendor chose may echo the key
     */
    public ExchangeLog(String providerId, String requestIdHeader, Redactor redactor) {
        this.providerId = providerId;
        this.redactor = redactor;
        this.requestIdHeader = requestIdHeader;
        this.log = LoggerFactory.getLogger("dev.videogen4j.http." + providerId);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        Label label = request.tag(Label.class);
        String what = providerId + (label == null || label.operation() == null ? "" : " " + label.operation()) + " "
                + request.method() + " " + request.url().encodedPath();
        String about = label == null || label.about() == null ? "" : " (" + label.about() + ")";
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            String id = requestIdHeader == null ? null : response.header(requestIdHeader);
            log.debug("{}", redactor.redact(what + " -> HTTP " + response.code() + " in " + millisSince(start) + " ms"
                    + about + (id == null ? "" : " (request id " + id + ")")));
            return response;
        } catch (IOException e) {
            log.debug("{}", redactor.redact(what + " -> no response after " + millisSince(start) + " ms: "
                    + e.getClass().getSimpleName() + about));
            throw e;
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
