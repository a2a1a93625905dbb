package dev.videogen4j.fal.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per HTTP exchange with fal, on the logger {@code dev.videogen4j.http.fal}: method, path, status,
 * time to the response and fal's {@code x-fal-request-id}. Headers (the API key is one), bodies (prompts, data-URI
 * images) and query strings (a webhook URL may carry a token) are never logged.
 *
 * <pre>
 * fal POST /fal-ai/kling-video/v2.5-turbo/standard/image-to-video -&gt; HTTP 200 in 41 ms (request id 3f0c...)
 * fal GET /fal-ai/kling-video/requests/3f0c.../status -&gt; no response after 60002 ms: SocketTimeoutException
 * </pre>
 */
final class FalHttpLog implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.videogen4j.http.fal");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String what = "fal " + request.method() + " " + request.url().encodedPath();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            String id = response.header("x-fal-request-id");
            LOG.debug("{} -> HTTP {} in {} ms{}", what, response.code(), millisSince(start),
                    id == null ? "" : " (request id " + id + ")");
            return response;
        } catch (IOException e) {
            LOG.debug("{} -> no response after {} ms: {}", what, millisSince(start), e.getClass().getSimpleName());
            throw e;
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
