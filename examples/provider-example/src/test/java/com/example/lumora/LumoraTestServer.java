package com.example.lumora;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testkit.RequestEdits;
import dev.videogen4j.testkit.ScenarioSettings;
import dev.videogen4j.testkit.VendorScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Lumora's API on a loopback MockWebServer, for the provider contract: clips keep time on the contract's clock
 * ({@link LumoraClip}), and each scenario arms the next answer. Refusals show both styles a test server may use:
 * an invalid request is refused for what it says (a duration Lumora does not render), content and credit
 * refusals are armed for the next submit.
 */
final class LumoraTestServer extends Dispatcher implements VendorScenario {
    static final String KEY = "lumora-test-key-0123456789";
    private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    private final ScenarioSettings settings;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, LumoraClip> clips = new ConcurrentHashMap<>();
    private final Map<String, String> clipByIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<Operation, AtomicLong> requests = new EnumMap<>(Operation.class);
    private final AtomicLong httpRequests = new AtomicLong();
    private final Deque<Object[]> armed = new ArrayDeque<>();   // {Operation, what, Duration}
    private volatile Instant downUntil = Instant.MIN;
    private volatile boolean failNext;
    private volatile ErrorKind refuseNext;
    private final OkHttpClient webhooks = new OkHttpClient();

    LumoraTestServer(ScenarioSettings settings) {
        this.settings = settings;
        for (Operation op : Operation.values()) requests.put(op, new AtomicLong());
        server.setDispatcher(this);
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        httpRequests.incrementAndGet();
        List<String> path = request.getUrl().pathSegments();   // v2, clips, {id}, [cancel|output]
        if (path.get(0).equals("files")) return new MockResponse.Builder().code(200).body("\0\0\0 ftypmp42").build();
        Operation op = request.getMethod().equals("POST") ? (path.size() == 2 ? Operation.SUBMIT : Operation.CANCEL)
                : path.size() == 4 ? Operation.RESULT : Operation.POLL;
        requests.get(op).incrementAndGet();
        if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "bad_key", "The API key is not valid");
        }
        Instant now = settings.clock().instant();
        if (now.isBefore(downUntil)) return error(503, "maintenance", "Lumora is down for maintenance");
        Object[] fault = armedFor(op);
        if (fault != null && fault[1].equals("429")) {
            return error(429, "slow_down", "Too many requests").newBuilder()
                    .setHeader("Retry-After", Long.toString(((Duration) fault[2]).toSeconds())).build();
        }
        MockResponse answer = switch (op) {
            case SUBMIT -> submit(request, now);
            case POLL -> clip(path.get(2), c -> ok(200, c.json(now, filesUrl())));
            case RESULT -> clip(path.get(2), c -> c.state(now).equals("done") ? ok(200, c.json(now, filesUrl()))
                    : error(409, "not_done", "The clip is " + c.state(now)));
            case CANCEL -> clip(path.get(2), c -> c.cancel(now) ? ok(200, c.json(now, filesUrl()))
                    : error(409, "already_finished", "The clip has finished"));
        };
        if (fault == null) return answer;
        if (fault[1].equals("drop")) return answer.newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build();
        return answer.newBuilder().body("{\"id\"= \"clp_").build();   // "malformed": the JSON is cut and garbled
    }

    private MockResponse submit(RecordedRequest request, Instant now) {
        Map<String, Object> body;
        try {
            body = JSON.fromJson(request.getBody().utf8());
        } catch (IOException e) {
            return error(400, "invalid_input", "The body is not JSON");
        }
        int seconds = ((Number) body.get("seconds")).intValue();
        if (seconds != 4 && seconds != 8) return field("seconds", "Lumora renders 4 or 8 seconds");
        ErrorKind refusal = refuseNext;
        refuseNext = null;
        if (refusal == ErrorKind.CONTENT_POLICY) return error(422, "content_rejected", "The prompt breaks the rules");
        if (refusal == ErrorKind.INSUFFICIENT_CREDITS) return error(402, "out_of_credits", "Top up to render more");
        String key = request.getHeaders().get("Idempotency-Key");
        String known = key == null ? null : clipByIdempotencyKey.get(key);
        if (known != null) return ok(200, clips.get(known).json(now, filesUrl()));   // a resend: the same clip
        LumoraClip clip = new LumoraClip("clp_" + (clips.size() + 1), now, settings.queue(), settings.run(),
                failNext, seconds, (String) body.get("webhook_url"));
        failNext = false;
        clips.put(clip.id, clip);
        if (key != null) clipByIdempotencyKey.put(key, clip.id);
        return ok(201, clip.json(now, filesUrl()));
    }

    private MockResponse clip(String id, java.util.function.Function<LumoraClip, MockResponse> answer) {
        LumoraClip c = clips.get(id);
        return c == null ? error(404, "no_such_clip", "No clip " + id) : answer.apply(c);
    }

    private synchronized Object[] armedFor(Operation op) {
        Object[] head = armed.peek();
        return head != null && head[0] == op ? armed.poll() : null;
    }

    private String filesUrl() {
        return server.url("/files/").toString();
    }

    private static MockResponse ok(int code, Map<String, Object> json) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(JSON.toJson(json)).build();
    }

    private static MockResponse error(int code, String error, String message) {
        return ok(code, Map.of("error", Map.of("code", error, "message", message)));
    }

    private static MockResponse field(String field, String message) {
        return ok(400, Map.of("error", Map.of("code", "invalid_input", "message", message, "field", field)));
    }

    @Override
    public String baseUrl() {
        return server.url("/v2").toString();
    }

    @Override
    public String apiKey() {
        return KEY;
    }

    @Override
    public long requests(Operation call) {
        return requests.get(call).get();
    }

    @Override
    public long httpRequests() {
        return httpRequests.get();
    }

    @Override
    public long jobsAccepted() {
        return clips.size();
    }

    @Override
    public long jobsBilled() {
        Instant now = settings.clock().instant();
        return clips.values().stream().filter(c -> c.billed(now)).count();
    }

    @Override
    public VideoRequest failingJob(VideoRequest valid) {
        failNext = true;
        return valid;
    }

    @Override
    public VideoRequest refusedAtSubmit(ErrorKind kind, VideoRequest valid) {
        if (kind == ErrorKind.INVALID_REQUEST) return RequestEdits.edit(valid, b -> b.durationSeconds(6));
        refuseNext = kind;
        return valid;
    }

    @Override
    public synchronized void rateLimitNext(Operation call, Duration retryAfter) {
        armed.add(new Object[] {call, "429", retryAfter});
    }

    @Override
    public void outage(Duration length) {
        downUntil = settings.clock().instant().plus(length);
    }

    @Override
    public synchronized void malformedAnswerNext(Operation call) {
        armed.add(new Object[] {call, "malformed", null});
    }

    @Override
    public synchronized void dropAfterProcessingNext(Operation call) {
        armed.add(new Object[] {call, "drop", null});
    }

    @Override
    public int deliverWebhooks() {
        Instant now = settings.clock().instant();
        int sent = 0;
        for (LumoraClip c : clips.values()) {
            if (!c.takeWebhook(now)) continue;
            Request post = new Request.Builder().url(c.webhookUrl)
                    .post(RequestBody.create(JSON.toJson(c.json(now, filesUrl())), MediaType.get("application/json")))
                    .build();
            try (Response r = webhooks.newCall(post).execute()) {
                sent++;
            } catch (IOException e) {
                throw new UncheckedIOException("the webhook receiver did not answer", e);
            }
        }
        return sent;
    }

    @Override
    public void close() {
        server.close();
        webhooks.connectionPool().evictAll();
    }
}
