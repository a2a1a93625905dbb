package dev.videogen4j.fal.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * The HTTP side of the adapter: one OkHttp client and one Retrofit {@link FalQueueApi} per provider, and the
 * single place where a call is executed and its I/O failure classified.
 *
 * <pre>{@code
 * FalHttp http = FalHttp.create(config, "https://queue.fal.run");
 * FalResponse r = http.execute(Operation.POLL, http.api().status(http.urls().status(endpoint, requestId)));
 * }</pre>
 */
public final class FalHttp implements AutoCloseable {
    public static final String DEFAULT_BASE_URL = "https://queue.fal.run";
    private static final String USER_AGENT = "videogen4j-fal";
    // Thousands of jobs may be polled at once; OkHttp's defaults (64 / 5 per host) would queue them needlessly.
    private static final int MAX_REQUESTS = 256;
    // Core runs at most 48 calls at once by default (VIDEOGEN4J_MAX_CONCURRENT_CALLS): keep at least that many
    // connections idle, or every burst closes connections only to open them again.
    private static final int IDLE_CONNECTIONS = 64;

    private final OkHttpClient client;
    private final FalQueueApi api;
    private final FalUrls urls;
    private final ApiKey key;

    private FalHttp(OkHttpClient client, HttpUrl base, ApiKey key) {
        this.client = client;
        this.key = key;
        this.urls = new FalUrls(base);
        this.api = new Retrofit.Builder().baseUrl(base).client(client).build().create(FalQueueApi.class);
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
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        OkHttpClient client = new OkHttpClient.Builder()
                // OkHttp silently repeats a request whose connection failed. For a submit that is a second
                // billable fal job nobody asked for (fal has no idempotency key), so we never let it; core
                // decides what is safe to retry.
                .retryOnConnectionFailure(false)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                // OkHttp 5 races each new connection on a TaskRunner thread of its own ("fast fallback"), so a burst
                // of connects costs a thread each. Connect on the calling thread, which waits for it anyway.
                .fastFallback(false)
                // Logs before the key is added, and never headers anyway.
                .addInterceptor(new FalHttpLog())
                .addInterceptor(chain -> chain.proceed(withHeaders(chain.request(), key)))
                .build();
        return new FalHttp(client, base, key);
    }

    public FalQueueApi api() {
        return api;
    }

    public FalUrls urls() {
        return urls;
    }

    /**
     * Runs one call, once. The body is read completely here, so a connection lost mid-body is an I/O failure
     * (for a submit: outcome unknown), while a complete but malformed body is left to the parsers.
     */
    public FalResponse execute(Operation op, Call<ResponseBody> call) {
        try {
            Response<ResponseBody> r = call.execute();
            ResponseBody body = r.isSuccessful() ? r.body() : r.errorBody();
            String text = body == null ? "" : body.string();
            return new FalResponse(r.code(), r.headers(), text);
        } catch (IOException e) {
            throw ProviderErrors.fromIo(FalErrors.PROVIDER, op, e, true);
        }
    }

    /** The request {@link #execute} would send for this call, built but not sent (for dry runs). */
    public Request request(Call<ResponseBody> call) {
        return withHeaders(call.request(), key);
    }

    private static Request withHeaders(Request request, ApiKey key) {
        return request.newBuilder()
                .header("Authorization", "Key " + key.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .build();
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "FalHttp[" + urls.base() + "]";
    }
}
