package dev.videogen4j.runware.internal;

import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Sends task arrays to Runware: exactly one HTTP call per {@link #send}, no retries (core owns those). Transport
 * failures and unreadable bodies leave as the exceptions {@link ProviderErrors} builds.
 *
 * <pre>{@code
 * RunwareHttp http = new RunwareHttp("runware", HttpUrl.get("https://api.runware.ai/v1"), key,
 *         Duration.ofSeconds(10), Duration.ofSeconds(60), Clock.systemUTC());
 * RunwareReply reply = http.send(Operation.SUBMIT, List.of(task));
 * }</pre>
 */
public final class RunwareHttp implements AutoCloseable {
    // These statuses mean the same with or without a readable body (an HTML 401 from a proxy is still an auth
    // failure, a bare 429 still wants a back-off); other unreadable bodies are reported as unparseable.
    private static final Set<Integer> STATUS_SPEAKS_FOR_ITSELF = Set.of(401, 402, 403, 429);
    // Thousands of jobs are polled at once by core's workers; OkHttp's defaults (64 requests, 5 per host, 5 idle
    // connections) would queue them behind each other. Core runs at most 48 calls at once by default
    // (VIDEOGEN4J_MAX_CONCURRENT_CALLS): keep at least that many connections idle, or every burst closes
    // connections only to open them again.
    private static final int MAX_REQUESTS = 256;
    private static final int IDLE_CONNECTIONS = 64;

    private final String providerId;
    private final String endpoint;
    private final OkHttpClient http;
    private final RunwareApi api;
    private final Clock clock;
    private final ApiKey apiKey;

    public RunwareHttp(String providerId, HttpUrl endpoint, ApiKey apiKey, Duration connectTimeout, Duration readTimeout,
                       Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
        this.endpoint = endpoint.toString();
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        this.http = new OkHttpClient.Builder()
                // OkHttp silently resends a request after some connection failures. For a videoInference POST that
                // is a hidden second submit of a billable job; whether to resend is core's decision, made with the
                // same taskUUID so Runware can reject the duplicate.
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                // OkHttp 5 races each new connection on a TaskRunner thread of its own ("fast fallback"): a burst of
                // 64 calls opening connections at once added ~45 threads in the 10,000-job benchmark. Connect on
                // the calling thread instead; it waits for the connection anyway.
                .fastFallback(false)
                // Logs before the key is added, and never headers anyway.
                .addInterceptor(new RunwareHttpLog(providerId))
                .addInterceptor(chain -> chain.proceed(withHeaders(chain.request())))
                .build();
        this.api = new Retrofit.Builder()
                .baseUrl(endpoint.resolve("/"))
                .client(http)
                .addConverterFactory(MoshiConverterFactory.create(RunwareJson.MOSHI))
                .build()
                .create(RunwareApi.class);
    }

    /** POSTs the tasks as one JSON array and reads the answer, whatever its status. */
    public RunwareReply send(Operation op, List<Map<String, Object>> tasks) {
        String requestId = tasks.size() == 1 ? (String) tasks.get(0).get("taskUUID") : null;
        Response<ResponseBody> response;
        String text;
        try {
            String about = requestId != null ? "task " + requestId : tasks.size() + " tasks";
            response = api.run(endpoint, tasks, new RunwareHttpLog.Label(op.label(), about)).execute();
            try (ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody()) {
                text = body == null ? "" : body.string();
            }
        } catch (IOException e) {
            // The taskUUID names the job a lost submit may have created: with it the caller can await that job.
            throw ProviderErrors.fromIo(providerId, op, e, true, requestId);
        }
        int status = response.code();
        var retryAfter = RunwareErrorMapper.retryAfter(response.headers().get("Retry-After"), clock);
        try {
            return new RunwareReply(status, RunwareJson.readResponse(text), retryAfter);
        } catch (IOException unreadable) {
            if (!response.isSuccessful() && STATUS_SPEAKS_FOR_ITSELF.contains(status)) {
                return new RunwareReply(status, null, retryAfter);
            }
            throw ProviderErrors.unparseable(providerId, op, status, requestId, unreadable);
        }
    }

    /**
     * The request {@link #send} would make for these tasks, built by the same Retrofit call and header code but
     * not executed (for dry runs).
     */
    public Request request(List<Map<String, Object>> tasks) {
        return withHeaders(api.run(endpoint, tasks, new RunwareHttpLog.Label("preview", tasks.size() + " tasks")).request());
    }

    private Request withHeaders(Request request) {
        return request.newBuilder()
                .header("Authorization", "Bearer " + apiKey.reveal())
                .header("User-Agent", "videogen4j-runware")
                .build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
