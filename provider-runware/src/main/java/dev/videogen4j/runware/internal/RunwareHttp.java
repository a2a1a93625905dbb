package dev.videogen4j.runware.internal;

import dev.videogen4j.http.internal.Bodies;
import dev.videogen4j.http.internal.ExchangeLog;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.http.internal.ResendGuard;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Sends task arrays to Runware: exactly one HTTP call per {@link #send}, no retries (core owns those); the transport
 * rules (timeouts, whole-call deadline, no redirects, no resends) are {@link HttpClients}'. Transport failures and
 * unreadable bodies leave as the exceptions {@link ProviderErrors} builds.
 *
 * <pre>{@code
 * RunwareHttp http = new RunwareHttp("runware", HttpUrl.get("https://api.runware.ai/v1"), key,
 *         new HttpClients.Settings("runware", connect, read, call, null), Clock.systemUTC());
 * RunwareReply reply = http.send(Operation.SUBMIT, List.of(task));
 * }</pre>
 */
public final class RunwareHttp implements AutoCloseable {

    private final String providerId;
    private final String endpoint;
    private final OkHttpClient http;
    private final RunwareApi api;
    private final Clock clock;
    private final UnaryOperator<Request.Builder> headers;

    public RunwareHttp(String providerId, HttpUrl endpoint, ApiKey apiKey, HttpClients.Settings settings, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
        this.endpoint = endpoint.toString();
        this.clock = Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(apiKey, "apiKey == null");
        this.headers = r -> r.header("Authorization", "Bearer " + apiKey.reveal());
        this.http = HttpClients.create(settings, headers);
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
            response = api.run(endpoint, tasks, new ExchangeLog.Label(op.label(), about)).execute();
            text = readBody(op, response, requestId);
        } catch (IOException e) {
            // The taskUUID names the job a lost submit may have created: with it the caller can await that job.
            throw ProviderErrors.fromIo(providerId, op, e, true, requestId);
        }
        return reply(providerId, op, response.code(), text,
                RetryAfter.parse(response.headers().get(ResendGuard.HEADER), clock), requestId);
    }

    /** A complete answer read: a reply, or the typed error for a body that is not Runware's JSON. */
    public static RunwareReply reply(String providerId, Operation op, int status, String text, Duration retryAfter,
                                     String requestId) {
        try {
            return new RunwareReply(status, RunwareJson.readResponse(text), retryAfter);
        } catch (IOException unreadable) {
            if ((status < 200 || status > 299) && HttpClients.statusSpeaksForItself(status)) {
                return new RunwareReply(status, null, retryAfter);
            }
            throw ProviderErrors.unparseable(providerId, op, status, requestId, unreadable);
        }
    }

    private String readBody(Operation op, Response<ResponseBody> response, String requestId) throws IOException {
        try {
            return Bodies.read(response.isSuccessful() ? response.body() : response.errorBody(), Bodies.DEFAULT_LIMIT);
        } catch (Bodies.TooLarge tooLarge) {
            throw ProviderErrors.unparseable(providerId, op, response.code(), requestId, tooLarge);
        }
    }

    /**
     * The request {@link #send} would make for these tasks, built by the same Retrofit call and header code but
     * not executed (for dry runs).
     */
    public Request request(List<Map<String, Object>> tasks) {
        Request r = api.run(endpoint, tasks, new ExchangeLog.Label("preview", tasks.size() + " tasks")).request();
        return HttpClients.withHeaders(r, providerId, headers);
    }

    @Override
    public void close() {
        HttpClients.close(http);
    }
}
