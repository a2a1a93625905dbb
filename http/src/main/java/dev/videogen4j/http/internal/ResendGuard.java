package dev.videogen4j.http.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes OkHttp's own resend off the table. OkHttp's follow-up logic repeats a request by itself when a {@code 503}
 * says {@code Retry-After: 0} (whatever {@code retryOnConnectionFailure} says), which for a fal submit is a second
 * billable job per attempt; and it parses the header as an {@code int}, so {@code Retry-After: 2147483648} throws
 * a {@code NumberFormatException} out of the call. As a network interceptor this runs below that logic: it moves
 * the header to {@link #HEADER}, where only {@link dev.videogen4j.spi.RetryAfter} reads it.
 *
 * <pre>{@code
 * Duration wait = RetryAfter.parse(response.header(ResendGuard.HEADER), clock);
 * }</pre>
 */
public final class ResendGuard implements Interceptor {
    /** Where the vendor's {@code Retry-After} is found on every response of a client from {@link HttpClients}. */
    public static final String HEADER = "X-Videogen4j-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null) return response;
        return response.newBuilder().removeHeader("Retry-After").header(HEADER, retryAfter).build();
    }
}
