package dev.videogen4j.fal;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.HttpPreview;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.fal.internal.FalEndpointId;
import dev.videogen4j.fal.internal.FalErrors;
import dev.videogen4j.fal.internal.FalHttp;
import dev.videogen4j.fal.internal.FalJobMemory;
import dev.videogen4j.fal.internal.FalResults;
import dev.videogen4j.http.internal.Previews;
import dev.videogen4j.fal.internal.FalJson;
import dev.videogen4j.fal.internal.FalRequestMapper;
import dev.videogen4j.fal.internal.FalResponse;
import dev.videogen4j.fal.internal.FalResponses;
import dev.videogen4j.fal.internal.FalSettings;
import dev.videogen4j.fal.internal.FalSubmission;
import dev.videogen4j.fal.internal.FalSubmitResponse;
import dev.videogen4j.http.internal.VendorValues;
import dev.videogen4j.http.internal.WireTimes;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.PreviewableSubmit;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.StatusStreamer;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.JobStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Request;

/**
 * fal.ai through its queue API: submit to {@code POST queue.fal.run/{endpoint_id}}, then status, result and cancel
 * under {@code queue.fal.run/{owner}/{app}/requests/{request_id}}. Each catalog model is one fal endpoint, so the
 * native model id of a {@link JobId} is the endpoint id and the native job id is fal's {@code request_id}.
 *
 * <p>Applications do not create this class; {@code VideoClient} finds it through {@link FalProviderFactory}:
 *
 * <pre>{@code
 * // FAL_KEY=... in the environment
 * VideoClient client = VideoClient.builder().provider("fal").build();
 * VideoResult r = client.generate(ImageToVideoRequest.builder()
 *         .model("kling-2.5-turbo-standard")
 *         .prompt("A playful cat chases a red dot")
 *         .image(ImageInput.url("https://example.com/cat.png"))
 *         .build());
 * }</pre>
 *
 * <p>Every method makes one HTTP call (a poll that finds the job COMPLETED also reads its result; {@link #streamStatus}
 * is one long one) and never retries: fal has no idempotency key, so a submit whose
 * outcome is unknown must not be resent ({@link #deduplicatesSubmits()} is false).
 */
public final class FalProvider implements VideoProvider, TextToVideo, ImageToVideo, PreviewableSubmit, StatusStreamer {
    static final String CATALOG = "/dev/videogen4j/fal/models.json";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    // Enough for every job one client follows at once; an evicted entry only costs built URLs and a fresh count.
    private static final int TRACKED_JOBS = 10_000;

    private final FalHttp http;
    private final FalSettings settings;
    private final List<ModelCapabilities> models;
    private final FalJobMemory memory = new FalJobMemory(TRACKED_JOBS);
    // This provider's own key, scrubbed from everything its public methods throw or return.
    private final Redactor redactor;

    FalProvider(ProviderConfig config) {
        Objects.requireNonNull(config, "config == null");
        this.redactor = config.redactor();
        this.settings = FalSettings.from(config);
        this.models = ModelCatalog.load(FalProvider.class, CATALOG);
        this.http = FalHttp.create(config);
    }

    @Override
    public String id() {
        return FalErrors.PROVIDER;
    }

    @Override
    public List<ModelCapabilities> models() {
        return models;
    }

    @Override
    public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
        return redactor.around(() -> send(Objects.requireNonNull(request, "request == null"), context));
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return redactor.around(() -> send(Objects.requireNonNull(request, "request == null"), context));
    }

    /** The exact queue submit {@link #submit} would send for this request and context. */
    @Override
    public HttpPreview preview(VideoRequest request, SubmitContext context) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(context, "context == null");
        ModelCapabilities model = FalRequestMapper.resolve(context.model(), request.workflow(), models);
        return redactor.around(() -> Previews.of(id(), model.id(), http.request(submitCall(request, model, null))));
    }

    private SubmitReceipt send(VideoRequest request, SubmitContext context) {
        Objects.requireNonNull(context, "context == null");
        ModelCapabilities model = FalRequestMapper.resolve(context.model(), request.workflow(), models);
        // The job started while the submit was on the wire: the engine counts its run time from there (receipt).
        var wire = http.wireTimes();
        FalResponse r = http.execute(Operation.SUBMIT, submitCall(request, model, wire));
        FalSubmitResponse accepted = FalResponses.answer(Operation.SUBMIT, r, FalResponses::submit);
        FalJobMemory.Urls urls = http.urls().fromSubmit(accepted);
        if (urls != null) {
            memory.remember(accepted.requestId, urls);
        }
        return new SubmitReceipt(JobId.of(id(), model.id(), accepted.requestId), VendorValues.count(accepted.queuePosition))
                .exchangedBetween(wire.sentAt(), wire.answeredAt());
    }

    // The one place a submit request is built: sent by submit (stamping wire), shown by preview (wire null).
    private Request submitCall(VideoRequest request, ModelCapabilities model, WireTimes wire) {
        FalSubmission s = FalRequestMapper.map(request, model, settings.submitHeaders());
        RequestBody body = RequestBody.create(FalJson.write(s.input()), JSON);
        return FalHttp.post(http.urls().submit(s.endpoint(), s.webhookUrl(), settings.maxQueueLength()),
                s.headers(), body, wire);
    }

    /**
     * The job's status; a COMPLETED request's result is read in the same call (see {@link FalResults}), so the
     * update is SUCCEEDED with its output or FAILED with fal's reason, never SUCCEEDED for a job that failed.
     */
    @Override
    public JobUpdate poll(JobId id) {
        return redactor.around(() -> status(id));
    }

    private JobUpdate status(JobId id) {
        FalEndpointId endpoint = endpoint(id);
        String requestId = id.nativeJobId();
        FalResponse r = http.execute(Operation.POLL,
                FalHttp.get(http.urls().status(endpoint, requestId, memory.urls(requestId))));
        JobUpdate u = FalResponses.answer(Operation.POLL, r, FalResponses::status);
        if (u.status().state() == JobState.SUCCEEDED) {
            u = completed(id, endpoint);
        }
        if (u.status().state().isTerminal()) {
            memory.forget(requestId);
        }
        return u;
    }

    /**
     * Follows the job on fal's status stream ({@code …/requests/{id}/status/stream}, server-sent events, as fal's
     * own Java client does): the status the moment it changes, with one request. COMPLETED ends it as SUCCEEDED
     * without output (core then reads the result, one more request: three per job with the submit), or FAILED /
     * CANCELLED when it carries fal's error.
     */
    @Override
    public Optional<JobUpdate> streamStatus(JobId id, Predicate<JobStatus> onStatus) {
        String requestId = id.nativeJobId();
        return http.stream(http.urls().statusStream(endpoint(id), requestId, memory.urls(requestId)), onStatus);
    }

    /**
     * The output of a finished job.
     *
     * @throws JobFailedException when the result says the job failed (fal's 422 after COMPLETED, a runner error)
     */
    @Override
    public ProviderOutput result(JobId id) {
        return redactor.around(() -> {
            JobUpdate u = completed(id, endpoint(id));
            if (u.output() == null) {
                throw new JobFailedException(id, u.status());
            }
            return u.output();
        });
    }

    private JobUpdate completed(JobId id, FalEndpointId endpoint) {
        String requestId = id.nativeJobId();
        FalResponse r = http.execute(Operation.RESULT,
                FalHttp.get(http.urls().result(endpoint, requestId, memory.urls(requestId))));
        try {
            return FalResults.afterCompleted(id, r, () -> memory.countResultRead(requestId));
        } catch (FalJson.FalParseException e) {
            throw ProviderErrors.unparseable(FalErrors.PROVIDER, Operation.RESULT, r.code(), r.requestId(), e);
        }
    }

    @Override
    public CancelOutcome cancel(JobId id) {
        return redactor.around(() -> FalResponses.cancelAnswer(http.execute(Operation.CANCEL, FalHttp.put(
                http.urls().cancel(endpoint(id), id.nativeJobId(), memory.urls(id.nativeJobId()))))));
    }

    /** False: fal documents no idempotency key, so a resent submit is a second billable job. */
    @Override
    public boolean deduplicatesSubmits() {
        return false;
    }

    @Override
    public void close() {
        http.close();
    }

    // A handle JobId.parse accepted may still name no fal endpoint: that is the caller's input, reported as such.
    private static FalEndpointId endpoint(JobId id) {
        Objects.requireNonNull(id, "id == null");
        if (!FalErrors.PROVIDER.equals(id.providerId())) {
            throw new InvalidRequestException(FalErrors.PROVIDER, id.model(), List.of(new Violation("jobId", id.toString(),
                    "a fal job handle (provider fal)")));
        }
        try {
            return FalEndpointId.parse(id.model());
        } catch (IllegalArgumentException notAnEndpoint) {
            throw new InvalidRequestException(FalErrors.PROVIDER, id.model(), List.of(new Violation("jobId", id.toString(),
                    "a fal job handle whose model is a fal endpoint id (owner/app[/path])")));
        }
    }

    @Override
    public String toString() {
        return "FalProvider[" + http.urls().base() + "]";
    }
}
