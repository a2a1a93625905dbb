package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.CallerRuns;
import dev.videogen4j.internal.Futures;
import dev.videogen4j.internal.JobEngine;
import dev.videogen4j.internal.ModelResolver;
import dev.videogen4j.internal.Router;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.PreviewableSubmit;
import dev.videogen4j.spi.SharedResources;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.VideoProvider;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The entry point: one client for every configured provider. Create one, share it, close it when the
 * application stops — it holds connection pools and two small thread pools, not a thread per job.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.fromEnvironment()) {     // VIDEOGEN4J_PROVIDER=runware, RUNWARE_API_KEY=...
 *     VideoResult r = client.generate(ImageToVideoRequest.builder()
 *             .model("kling-2.5-turbo-standard")
 *             .prompt("A slow cinematic glide through an ancient clocktower chamber")
 *             .image(ImageInput.url("https://example.com/first.jpg"))
 *             .durationSeconds(5)
 *             .build());
 *     System.out.println(r.video().url() + " " + r.cost());
 * }
 * }</pre>
 *
 * <p>Every method validates the request against the {@link #capabilities() capability matrix} before any HTTP
 * call and reports every problem at once. Every method that calls a provider or waits for a job ({@code generate},
 * {@code submit}, {@code await}, {@code status}, {@code cancel}, {@code compare}) has an {@code ...Async} twin that
 * reports every failure through its future and throws nothing.
 */
public final class VideoClient implements AutoCloseable {
    private final Map<String, VideoProvider> providers;
    private final CapabilityMatrix matrix;
    private final JobEngine engine;
    private final Router router;
    private final Duration defaultTimeout;
    private final Runnable onClose;
    private final java.util.function.Supplier<VideoClientBuilder> newBuilder;
    private final SharedResources shared;

    VideoClient(Map<String, VideoProvider> providers, CapabilityMatrix matrix, JobEngine engine, Router router,
                Duration defaultTimeout, Runnable onClose, java.util.function.Supplier<VideoClientBuilder> newBuilder,
                SharedResources shared) {
        this.providers = providers;
        this.matrix = matrix;
        this.engine = engine;
        this.router = router;
        this.defaultTimeout = defaultTimeout;
        this.onClose = onClose;
        this.newBuilder = newBuilder;
        this.shared = shared;
    }

    /** A client configured from environment variables and system properties (see the README's key table). */
    public static VideoClient fromEnvironment() {
        return builder().fromEnvironment().build();
    }

    public static VideoClientBuilder builder() {
        return new VideoClientBuilder();
    }

    /**
     * A builder with this client's configuration whose clients share this client's timer and call threads and
     * the HTTP adapters' connection pool and dispatcher (all released when the last client using them closes;
     * closing one of them leaves the others working). Change what differs, e.g. another routing:
     *
     * <pre>{@code
     * VideoClient cheap = client.newBuilder().routing("cheapest").build();
     * }</pre>
     *
     * Providers are made anew for each client, on the shared pool.
     */
    public VideoClientBuilder newBuilder() {
        return newBuilder.get();
    }

    /** Submits, waits up to the default timeout (10 minutes unless configured), and returns the result. */
    public VideoResult generate(VideoRequest request) {
        return generate(request, defaultTimeout);
    }

    /**
     * Submits and waits. When the job fails for a provider-side reason and the routing policy lists another
     * eligible provider, the request is submitted there; the result's {@link VideoResult#attempts()} shows it.
     */
    public VideoResult generate(VideoRequest request, Duration timeout) {
        return join(() -> router.generate(request, timeout));
    }

    public CompletableFuture<VideoResult> generateAsync(VideoRequest request, Duration timeout) {
        return failFast(() -> router.generate(request, timeout));
    }

    /** Submits and returns as soon as a provider accepted the job. Store {@code job.jobId().toString()} to resume. */
    public VideoJob submit(VideoRequest request) {
        return join(() -> router.submit(request));
    }

    public CompletableFuture<VideoJob> submitAsync(VideoRequest request) {
        return failFast(() -> router.submit(request));
    }

    /** Waits for a job by its id — also one submitted by another process before a restart. */
    public VideoResult await(JobId id, Duration timeout) {
        return join(() -> router.await(id, timeout));
    }

    public CompletableFuture<VideoResult> awaitAsync(JobId id, Duration timeout) {
        return failFast(() -> router.await(id, timeout));
    }

    /** The job's status: how it ended when its record says it did, else the provider's answer right now. */
    public JobStatus status(JobId id) {
        return join(() -> engine.status(id));
    }

    public CompletableFuture<JobStatus> statusAsync(JobId id) {
        return failFast(() -> engine.status(id));
    }

    /** Asks the provider to stop the job; a finished or unknown job is an outcome, not an error. */
    public CancelOutcome cancel(JobId id) {
        return join(() -> engine.cancel(id));
    }

    public CompletableFuture<CancelOutcome> cancelAsync(JobId id) {
        return failFast(() -> engine.cancel(id));
    }

    /**
     * What the jobs created in {@code [from, to)} were quoted and cost, per provider and model, from the job store
     * (this client's memory by default, so only its own jobs; every instance's with a shared durable store).
     *
     * <pre>{@code
     * client.spend(Instant.now().minus(Duration.ofDays(1)), Instant.now())
     *         .forEach(t -> System.out.println(t.providerId() + " " + t.model() + " $" + t.actual()));
     * }</pre>
     */
    public List<dev.videogen4j.jobs.SpendTotal> spend(java.time.Instant from, java.time.Instant to) {
        java.util.Objects.requireNonNull(from, "from == null");
        java.util.Objects.requireNonNull(to, "to == null");
        return engine.spend(from, to);
    }

    /** The price of the request on every provider/model that can serve it as written. */
    public Quote quote(VideoRequest request) {
        List<Quote.Line> lines = ModelResolver.resolve(matrix, request, List.copyOf(providers.keySet()), true).stream()
                .map(m -> Quote.Line.of(m.providerId(), m.id(), m.family(), CapabilityMatrix.price(request, m).orElse(null),
                        CapabilityMatrix.billedSeconds(request, m), m.pricing().source(), m.pricing().asOf()))
                .collect(Collectors.toList());
        return new Quote(lines);
    }

    /**
     * The HTTP request a submit would send to the provider/model the routing policy tries first, without
     * sending it: method, URL, headers (keys redacted) and body. The request is validated first, as for a submit.
     *
     * @throws ConfigurationException when that provider cannot show its requests (it does not implement
     *                                {@link PreviewableSubmit})
     */
    public HttpPreview preview(VideoRequest request) {
        ModelCapabilities m = router.plan(request).get(0);
        VideoProvider p = providers.get(m.providerId());
        if (!(p instanceof PreviewableSubmit)) {
            throw new ConfigurationException("Provider " + m.providerId() + " cannot preview its requests");
        }
        return engine.redactor().redact(((PreviewableSubmit) p).preview(request,
                new SubmitContext(m, java.util.UUID.randomUUID().toString())));
    }

    /**
     * Runs the request on every provider/model that can serve it as written, all at once, and reports each
     * side by side. Every row is a real, paid job. Waits up to the default timeout.
     */
    public Comparison compare(VideoRequest request) {
        return Futures.join(compareAsync(request, List.of(), defaultTimeout));
    }

    /**
     * Like {@link #compare(VideoRequest)}, on the given providers only (all configured ones when empty).
     * A row that fails does not fail the comparison: its outcome says what happened.
     */
    public CompletableFuture<Comparison> compareAsync(VideoRequest request, Collection<String> providerIds,
                                                      Duration timeout) {
        return failFast(() -> compareNow(request, providerIds, timeout));
    }

    private CompletableFuture<Comparison> compareNow(VideoRequest request, Collection<String> providerIds,
                                                     Duration timeout) {
        List<String> scope = providerIds.isEmpty() ? List.copyOf(providers.keySet()) : List.copyOf(providerIds);
        List<ModelCapabilities> models = ModelResolver.resolve(matrix, request, scope, true);
        // The row of an accepted job names it whatever ends the wait (a deadline, a poll that cannot heal): the job
        // runs on, paid for, and the row is the caller's handle on it.
        List<CompletableFuture<Comparison.Row>> rows = models.stream().map(m -> engine.submit(request, m, List.of())
                .thenCompose(job -> awaitAsync(job.jobId(), timeout).handle((r, e) -> row(request, m, r, e, job.jobId())))
                .exceptionally(submitFailed -> row(request, m, null, submitFailed, null))).collect(Collectors.toList());
        return CompletableFuture.allOf(rows.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> new Comparison(rows.stream().map(CompletableFuture::join).collect(Collectors.toList())));
    }

    private static Comparison.Row row(VideoRequest request, ModelCapabilities m, VideoResult r, Throwable e, JobId job) {
        java.math.BigDecimal quoted = CapabilityMatrix.price(request, m).orElse(null);
        if (r != null) {
            Timings t = r.timings();
            return new Comparison.Row(m.providerId(), m.id(), m.family(), quoted, r.cost(), t.queue(), t.run(), t.total(),
                    "succeeded", r.video().url(), r.jobId());
        }
        Throwable cause = Futures.unwrap(e);
        return new Comparison.Row(m.providerId(), m.id(), m.family(), quoted, Cost.unknown(), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, "failed: " + cause.getMessage(), null, job);
    }

    /** Completes a job from a provider's webhook instead of waiting for its next poll. */
    public void onWebhook(WebhookEvent event) {
        engine.onWebhook(event);
    }

    /** What every configured provider/model accepts and costs. */
    public CapabilityMatrix capabilities() {
        return matrix;
    }

    /**
     * What this client's providers share with the clients made by {@link #newBuilder()}, such as the HTTP
     * connection pool: for a companion that should use the same, e.g.
     * {@code FalWebhooks.builder().sharing(client.sharedResources())}. Released when the last of them closes.
     */
    public SharedResources sharedResources() {
        return shared;
    }

    /** The ids of the configured providers. */
    public List<String> providers() {
        return List.copyOf(providers.keySet());
    }

    /**
     * The state of a configured provider's circuit breaker: {@code OPEN} while it refuses calls after repeated
     * provider faults.
     *
     * @throws dev.videogen4j.error.ConfigurationException when the provider is not configured in this client
     */
    public dev.videogen4j.observation.CircuitState circuitState(String providerId) {
        return engine.circuitState(java.util.Objects.requireNonNull(providerId, "providerId == null"));
    }

    /** The routing policy in its configuration form, e.g. {@code fallback:runware,fal}. */
    public String routing() {
        return router.policy().toString();
    }

    /**
     * Releases connections and threads and stops following jobs: pending {@code await}s fail at once. The jobs go
     * on at their providers; await their ids in another client to resume them.
     */
    @Override
    public void close() {
        onClose.run();
    }

    /** Async methods report every failure, validation and configuration included, through the future. */
    // Async work is never the blocking caller's to run, also when started from one (a listener, say) that waits.
    private static <T> CompletableFuture<T> failFast(java.util.function.Supplier<CompletableFuture<T>> start) {
        return CallerRuns.elsewhere(() -> started(start));
    }

    private static <T> CompletableFuture<T> started(java.util.function.Supplier<CompletableFuture<T>> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // The caller's thread makes the provider calls of the work it waits for: no hand-off to call threads and back.
    private static <T> T join(java.util.function.Supplier<CompletableFuture<T>> work) {
        return CallerRuns.join(() -> started(work));
    }
}
