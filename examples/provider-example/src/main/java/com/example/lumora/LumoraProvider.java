package com.example.lumora;

import com.squareup.moshi.JsonDataException;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Lumora's REST API (a fictional vendor) as a videogen4j provider: one HTTP call per method, no retries, errors
 * through {@link ProviderErrors}. The protocol:
 *
 * <ul>
 *   <li>{@code POST /clips} with {@code Idempotency-Key: <submission id>} and
 *       {@code {"model","prompt","image_url"?,"seconds","aspect_ratio"?,"webhook_url"?}}: 201 with the clip, or 200 with the same
 *       clip for a key Lumora has seen — so resending a submit never makes a second clip;
 *   <li>{@code GET /clips/{id}}: the clip, {@code state} one of {@code waiting}, {@code rendering}, {@code done}
 *       (with {@code video_url} and {@code cost_usd}), {@code failed} (with {@code failure}), {@code cancelled};
 *   <li>{@code GET /clips/{id}/output}: the video of a done clip;
 *   <li>{@code POST /clips/{id}/cancel}: 200, or 409 {@code already_finished};
 *   <li>a submit's {@code webhook_url} gets the finished clip POSTed to it ({@link LumoraWebhooks});
 *   <li>errors: {@code {"error":{"code","message","field"?}}}, 429 with {@code Retry-After}.
 * </ul>
 *
 * <pre>{@code
 * VideoProvider lumora = new LumoraProviderFactory().create(ProviderConfig.of("lumora", key, null));
 * SubmitReceipt r = ((ImageToVideo) lumora).submit(request, context);
 * }</pre>
 */
final class LumoraProvider implements VideoProvider, TextToVideo, ImageToVideo {
    static final String DEFAULT_BASE_URL = "https://api.lumora.example/v2";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final List<ModelCapabilities> MODELS = ModelCatalog.load(LumoraProvider.class,
            "/com/example/lumora/models.json");

    private final String baseUrl;
    private final String key;
    final OkHttpClient http;
    // Whether this provider made its HTTP client's threads and pool itself (and so releases them on close), or
    // borrowed them from the client family's SharedResources (which core releases when the last client closes).
    private final boolean ownsHttp;

    LumoraProvider(ProviderConfig config) {
        this.baseUrl = config.baseUrlOverride().orElse(DEFAULT_BASE_URL).replaceAll("/+$", "");
        this.key = Objects.requireNonNull(config.apiKey(), "Lumora needs an API key").reveal();
        // Clients made with VideoClient.newBuilder() share one connection pool and dispatcher: newBuilder() of the
        // shared OkHttpClient keeps both and changes only this provider's timeouts.
        OkHttpClient shared = config.shared() == null ? null
                : config.shared().get("lumora.http", OkHttpClient.class, OkHttpClient::new, LumoraProvider::release);
        this.ownsHttp = shared == null;
        this.http = (shared == null ? new OkHttpClient.Builder() : shared.newBuilder())
                .connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .retryOnConnectionFailure(false)   // core decides about resending, never the HTTP client
                .build();
    }

    @Override
    public String id() {
        return LumoraProviderFactory.ID;
    }

    @Override
    public List<ModelCapabilities> models() {
        return MODELS;
    }

    @Override
    public boolean deduplicatesSubmits() {
        return true;   // the Idempotency-Key is the submission id, the same on every resend
    }

    @Override
    public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
        return submit((VideoRequest) request, context);
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return submit((VideoRequest) request, context);
    }

    private SubmitReceipt submit(VideoRequest request, SubmitContext context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", context.model().id());
        body.put("prompt", request.prompt());
        if (request instanceof ImageToVideoRequest i) body.put("image_url", i.image().toWireValue());
        body.put("seconds", request.durationSeconds() != null ? request.durationSeconds()
                : context.model().defaultDuration());
        if (request.aspectRatio() != null) body.put("aspect_ratio", request.aspectRatio());
        if (request.webhookUrl() != null) body.put("webhook_url", request.webhookUrl());
        Request post = authorized(baseUrl + "/clips").header("Idempotency-Key", context.submissionId())
                .post(RequestBody.create(LumoraReplies.write(body), JSON)).build();
        return call(post, Operation.SUBMIT, clip -> new SubmitReceipt(
                JobId.of(id(), context.model().id(), LumoraReplies.text(clip, "id")),
                LumoraReplies.integer(clip, "queue_position")));
    }

    @Override
    public JobUpdate poll(JobId id) {
        return call(authorized(clipUrl(id)).get().build(), Operation.POLL, LumoraReplies::update);
    }

    @Override
    public ProviderOutput result(JobId id) {
        return call(authorized(clipUrl(id) + "/output").get().build(), Operation.RESULT, LumoraReplies::output);
    }

    @Override
    public CancelOutcome cancel(JobId id) {
        Request post = authorized(clipUrl(id) + "/cancel").post(RequestBody.create(new byte[0], JSON)).build();
        try (Response r = http.newCall(post).execute()) {
            if (r.isSuccessful()) return CancelOutcome.CANCELLATION_REQUESTED;
            if (r.code() == 404) return CancelOutcome.NOT_FOUND;
            if (r.code() == 409) return CancelOutcome.ALREADY_COMPLETED;
            throw LumoraReplies.failure(r, Operation.CANCEL);
        } catch (IOException e) {
            throw ProviderErrors.fromIo(id(), Operation.CANCEL, e, true);
        }
    }

    private String clipUrl(JobId id) {
        return baseUrl + "/clips/" + id.nativeJobId();
    }

    private Request.Builder authorized(String url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + key);
    }

    /** One exchange: a 2xx answer read by {@code read}, or the exception its failure means. */
    private <T> T call(Request request, Operation op, Function<Map<String, Object>, T> read) {
        try (Response r = http.newCall(request).execute()) {
            if (!r.isSuccessful()) throw LumoraReplies.failure(r, op);
            Map<String, Object> json = LumoraReplies.object(r, op);
            try {
                return read.apply(json);
            } catch (JsonDataException e) {   // JSON, but not Lumora's: a field it documents is missing
                throw ProviderErrors.unparseable(id(), op, r.code(), null, e);
            }
        } catch (IOException e) {
            throw ProviderErrors.fromIo(id(), op, e, true);
        }
    }

    @Override
    public void close() {
        if (ownsHttp) release(http);
    }

    private static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "LumoraProvider[" + baseUrl + "]";
    }
}
