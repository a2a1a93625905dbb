package dev.videogen4j.fal.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.http.internal.Bodies;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.http.internal.ResendGuard;
import dev.videogen4j.http.internal.WireTimes;
import dev.videogen4j.spi.RetryAfter;
import java.time.Clock;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import java.io.IOException;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The HTTP side of the adapter: one OkHttp client (built by {@link HttpClients}, which owns the transport rules) per
 * provider, the queue's requests, and the single place where a call is executed and its I/O failure classified.
 * OkHttp is called directly, not through Retrofit: Retrofit re-parsed each URL built here, parsed the content type
 * twice and buffered the whole body before {@link Bodies} could bound it, on each of a job's requests.
 *
 * <pre>{@code
 * FalHttp http = FalHttp.create(config, "https://queue.fal.run");
 * FalResponse r = http.execute(Operation.POLL, FalHttp.get(http.urls().status(endpoint, requestId, null)));
 * }</pre>
 */
public final class FalHttp implements AutoCloseable {
    public static final String DEFAULT_BASE_URL = "https://queue.fal.run";

    // A status stream is one long response, quiet between status changes (a 120 s job: no byte for two minutes):
    // its client has no whole-call deadline and a long read timeout, which is what bounds a stream gone silent.
    static final java.time.Duration STREAM_IDLE = java.time.Duration.ofMinutes(5);

    private final OkHttpClient client;
    private final OkHttpClient streamClient;
    private final java.util.Set<okhttp3.Call> openStreams = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final RequestBody NO_BODY = RequestBody.create(new byte[0], null);

    private final FalUrls urls;
    private final UnaryOperator<Request.Builder> headers;
    private final Clock clock;

    private FalHttp(OkHttpClient client, HttpUrl base, UnaryOperator<Request.Builder> headers, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.headers = headers;
        this.urls = new FalUrls(base);
        // Runs after the credentials interceptor, whose Accept (JSON) it replaces for the stream.
        this.streamClient = client.newBuilder().callTimeout(java.time.Duration.ZERO).readTimeout(STREAM_IDLE)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Accept", "text/event-stream").build()))
                .build();
    }

    /** @throws ConfigurationException when the key is missing or the base URL is not a URL */
    public static FalHttp create(ProviderConfig config) {
        ApiKey key = config.apiKey();
        if (key == null) {
            throw new ConfigurationException("Provider 'fal' needs an API key: set FAL_KEY or VIDEOGEN4J_FAL_API_KEY");
        }
        String baseText = config.baseUrlOverride().orElse(DEFAULT_BASE_URL).trim();
        HttpUrl base = HttpUrl.parse(baseText);
        if (base == null) {
            throw new ConfigurationException("fal base URL (VIDEOGEN4J_FAL_BASE_URL) is not an http(s) URL: " + baseText);
        }
        UnaryOperator<Request.Builder> headers = r -> r.header("Authorization", "Key " + key.reveal())
                .header("Accept", "application/json");
        OkHttpClient client = HttpClients.create(new HttpClients.Settings(FalErrors.PROVIDER, config.connectTimeout(),
                config.readTimeout(), config.callTimeout(), "x-fal-request-id", config.redactor(), config.shared()), headers);
        return new FalHttp(client, base, headers, config.clock());
    }

    /** {@code GET url}: a status or a result. */
    public static Request get(HttpUrl url) {
        return new Request.Builder().url(url).get().build();
    }

    /**
     * {@code POST url} with the model input and the submit's own headers; {@code wire}, if not null, rides on it
     * (attached as the request is built: attaching it later would copy the request).
     */
    public static Request post(HttpUrl url, java.util.Map<String, String> headers, RequestBody input, WireTimes wire) {
        Request.Builder b = new Request.Builder().url(url).post(input);
        headers.forEach(b::addHeader);
        return WireTimes.carriedBy(b, wire).build();
    }

    /** {@code PUT url} without a body (a cancel), sent as {@code Content-Length: 0}. */
    public static Request put(HttpUrl url) {
        return new Request.Builder().url(url).put(NO_BODY).build();
    }

    public FalUrls urls() {
        return urls;
    }

    /**
     * Runs one call, once. The body is read completely here, so a connection lost mid-body is an I/O failure
     * (for a submit: outcome unknown), while a complete but malformed body is left to the parsers.
     */
    public FalResponse execute(Operation op, Request request) {
        try (okhttp3.Response r = client.newCall(request).execute()) {
            String text;
            try {
                text = Bodies.read(r.body(), Bodies.DEFAULT_LIMIT);
            } catch (Bodies.TooLarge tooLarge) {
                throw ProviderErrors.unparseable(FalErrors.PROVIDER, op, r.code(), r.header("x-fal-request-id"), tooLarge);
            }
            return new FalResponse(r.code(), r.headers(), text, RetryAfter.parse(r.header(ResendGuard.HEADER), clock));
        } catch (IOException e) {
            throw ProviderErrors.fromIo(FalErrors.PROVIDER, op, e, true);
        }
    }

    /** Wire times read by this client's clock: {@code execute(op, post(url, headers, input, wire))} fills them. */
    public WireTimes wireTimes() {
        return new WireTimes(clock);
    }

    /**
     * Follows a job's status stream ({@link FalEventStream}) until its end, the stream's end or {@code onStatus}
     * saying stop. An error status is the typed error a status poll would get; {@link #close()} ends the stream.
     */
    public java.util.Optional<dev.videogen4j.spi.JobUpdate> stream(HttpUrl url,
            java.util.function.Predicate<dev.videogen4j.JobStatus> onStatus) {
        okhttp3.Call call = streamClient.newCall(new Request.Builder().url(url).get().build());
        openStreams.add(call);
        try (okhttp3.Response r = call.execute()) {
            if (!r.isSuccessful()) {
                String text = Bodies.read(r.body(), Bodies.DEFAULT_LIMIT);
                throw FalErrors.toException(Operation.POLL, new FalResponse(r.code(), r.headers(), text,
                        RetryAfter.parse(r.headers().get(ResendGuard.HEADER), clock)));
            }
            return FalEventStream.read(r.body().source(), r.header("x-fal-request-id"), onStatus);
        } catch (IOException e) {
            throw ProviderErrors.fromIo(FalErrors.PROVIDER, Operation.POLL, e, true);
        } finally {
            openStreams.remove(call);
        }
    }

    /** The request {@link #execute} would send for this call, built but not sent (for dry runs). */
    public Request request(Request request) {
        return HttpClients.withHeaders(request, FalErrors.PROVIDER, headers);
    }

    @Override
    public void close() {
        openStreams.forEach(okhttp3.Call::cancel);
        HttpClients.close(client);
    }

    @Override
    public String toString() {
        return "FalHttp[" + urls.base() + "]";
    }
}
