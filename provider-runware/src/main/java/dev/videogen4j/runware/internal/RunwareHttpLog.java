package dev.videogen4j.runware.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per HTTP exchange with Runware, on the logger {@code dev.videogen4j.http.runware}: the operation,
 * method, path, status, time to the response and the task it concerns. Headers (the API key is one), bodies
 * (prompts, data-URI images) and query strings are never logged.
 *
 * <pre>
 * runware submit POST /v1 -&gt; HTTP 200 in 12 ms (task 24cd5dff-cb81-4db5-8506-b72a9425f9d1)
 * runware poll POST /v1 -&gt; no response after 60003 ms: SocketTimeoutException (3 tasks)
 * </pre>
 */
public final class RunwareHttpLog implements Interceptor {
    /**
     * What a request is about ({@code "submit"}, {@code "task 24cd..."} or {@code "3 tasks"}), attached to it as a
     * Retrofit {@code @Tag} since the log never reads bodies.
     */
    public record Label(String operation, String about) {
    }

    private final String providerId;
    private final Logger log;

    public RunwareHttpLog(String providerId) {
        this.providerId = providerId;
        this.log = LoggerFactory.getLogger("dev.videogen4j.http." + providerId);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        Label label = request.tag(Label.class);
        String what = providerId + (label == null ? "" : " " + label.operation()) + " " + request.method() + " "
                + request.url().encodedPath();
        String task = label == null || label.about() == null ? "" : " (" + label.about() + ")";
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            log.debug("{} -> HTTP {} in {} ms{}", what, response.code(), millisSince(start), task);
            return response;
        } catch (IOException e) {
            log.debug("{} -> no response after {} ms: {}{}", what, millisSince(start), e.getClass().getSimpleName(), task);
            throw e;
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
