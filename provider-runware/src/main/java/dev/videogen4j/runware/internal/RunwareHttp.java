package dev.videogen4j.runware.internal;

import dev.videogen4j.http.internal.Bodies;
import dev.videogen4j.http.internal.ExchangeLog;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.http.internal.ResendGuard;
import dev.videogen4j.http.internal.WireTimes;
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
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

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

    // What Retrofit's Moshi converter sent: the same media type and writer settings, so the bytes are unchanged.
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    private static final JsonAdapter<List<Map<String, Object>>> TASKS = RunwareJson.MOSHI.adapter(
            Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));

    private final String providerId;
    private final HttpUrl endpoint;
    private final OkHttpClient http;
    private final Clock clock;
    private final UnaryOperator<Request.Builder> headers;

    public RunwareHttp(String providerId, HttpUrl endpoint, ApiKey apiKey, HttpClients.Settings settings, Clock clock) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(apiKey, "apiKey == null");
        this.headers = r -> r.header("Authorization", "Bearer " + apiKey.reveal());
        this.http = HttpClients.create(settings, headers);
    }

    /** POSTs the tasks as one JSON array and reads the answer, whatever its status. */
    public RunwareReply send(Operation op, List<Map<String, Object>> tasks) {
        return send(op, tasks, null);
    }

    /** ... and stamps {@code wire} (if not null) with when the exchange was on the wire. */
    public RunwareReply send(Operation op, List<Map<String, Object>> tasks, WireTimes wire) {
        String requestId = tasks.size() == 1 ? (String) tasks.get(0).get("taskUUID") : null;
        String about = requestId != null ? "task " + requestId : tasks.size() + " tasks";
        // OkHttp directly, not through Retrofit: Retrofit re-parsed the URL, parsed the content type twice and
        // buffered the whole body before Bodies could bound it, on each of a job's requests.
        Request request = build(tasks, new ExchangeLog.Label(op.label(), about), wire);
        try (Response response = http.newCall(request).execute()) {
            String text = readBody(op, response, requestId);
            return reply(providerId, op, response.code(), text,
                    RetryAfter.parse(response.header(ResendGuard.HEADER), clock), requestId);
        } catch (IOException e) {
            // The taskUUID names the job a lost submit may have created: with it the caller can await that job.
            throw ProviderErrors.fromIo(providerId, op, e, true, requestId);
        }
    }

    /** Wire times read by this client's clock, for {@link #send(Operation, List, WireTimes)}. */
    public WireTimes wireTimes() {
        return new WireTimes(clock);
    }

    /** {@code wire}, if not null, rides on the request as it is built (attaching it later would copy the request). */
    private Request build(List<Map<String, Object>> tasks, ExchangeLog.Label label, WireTimes wire) {
        Buffer body = new Buffer();
        try {
            TASKS.toJson(JsonWriter.of(body), tasks);
        } catch (IOException cannotHappen) {   // a Buffer does no I/O
            throw new java.io.UncheckedIOException(cannotHappen);
        }
        Request.Builder b = new Request.Builder().url(endpoint).post(RequestBody.create(body.readByteString(), JSON))
                .tag(ExchangeLog.Label.class, label);
        return WireTimes.carriedBy(b, wire).build();
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

    private String readBody(Operation op, Response response, String requestId) throws IOException {
        try {
            return Bodies.read(response.body(), Bodies.DEFAULT_LIMIT);
        } catch (Bodies.TooLarge tooLarge) {
            throw ProviderErrors.unparseable(providerId, op, response.code(), requestId, tooLarge);
        }
    }

    /**
     * The request {@link #send} would make for these tasks, built by the same code and headers but not executed
     * (for dry runs).
     */
    public Request request(List<Map<String, Object>> tasks) {
        return HttpClients.withHeaders(build(tasks, new ExchangeLog.Label("preview", tasks.size() + " tasks"), null),
                providerId, headers);
    }

    @Override
    public void close() {
        HttpClients.close(http);
    }
}
