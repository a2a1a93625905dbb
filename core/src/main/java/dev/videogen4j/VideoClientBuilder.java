package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.CallPool;
import dev.videogen4j.internal.JobEngine;
import dev.videogen4j.internal.LatencyTracker;
import dev.videogen4j.internal.Listeners;
import dev.videogen4j.internal.PollSettings;
import dev.videogen4j.internal.ProviderRegistry;
import dev.videogen4j.internal.ProviderResilience;
import dev.videogen4j.internal.ProviderSetup;
import dev.videogen4j.internal.ResilienceSettings;
import dev.videogen4j.internal.Router;
import dev.videogen4j.internal.RoutingPolicy;
import dev.videogen4j.internal.Settings;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Builds a {@link VideoClient}. Explicit settings win over the environment; everything has a default. A
 * configuration mistake — an unknown provider, a missing key, a malformed value — fails {@link #build()} with a
 * message that says what to set.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .environmentFromSystem()                      // optional: read VIDEOGEN4J_* variables too
 *         .routing("fallback:runware,fal")
 *         .apiKey("runware", System.getenv("RUNWARE_API_KEY"))
 *         .apiKey("fal", System.getenv("FAL_KEY"))
 *         .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
 *         .listener(myListener)
 *         .build();
 * }</pre>
 */
public final class VideoClientBuilder {
    // 48 call threads + the timer + OkHttp's 2-3 + the JVM's own ~6: under 64 threads when every call is busy.
    private static final int DEFAULT_MAX_CONCURRENT_CALLS = 48;

    private Settings settings = Settings.of(Map.of());
    private String provider;
    private String routing;
    private final Map<String, String> apiKeys = new HashMap<>();
    private final Map<String, String> baseUrls = new HashMap<>();
    private final List<VideoProviderFactory> factories = new ArrayList<>();
    private final List<VideoJobListener> listeners = new ArrayList<>();
    private final List<dev.videogen4j.observation.VideoObserver> observers = new ArrayList<>();
    private Path modelsFile;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService timer;
    private Executor callExecutor;
    private Integer maxConcurrentCalls;
    private PollSettings poll;
    // Applied over the environment's values: explicit settings win, field by field.
    private final List<java.util.function.UnaryOperator<ResilienceSettings>> resilience = new ArrayList<>();
    private Boolean cancelOnTimeout;
    private Duration defaultTimeout;
    private Duration webhookSafetyPoll;
    private final Map<String, String> webhookUrls = new HashMap<>();
    private final java.util.Set<String> batchPolling = new java.util.HashSet<>();
    private final java.util.Set<String> batchSubmits = new java.util.HashSet<>();

    VideoClientBuilder() {
    }

    /** Reads configuration from environment variables and system properties. */
    public VideoClientBuilder environmentFromSystem() {
        this.settings = Settings.system();
        return this;
    }

    /** Reads configuration from this map of variables instead of the process environment (useful in tests). */
    public VideoClientBuilder environment(Map<String, String> variables) {
        this.settings = Settings.of(Objects.requireNonNull(variables, "variables == null"));
        return this;
    }

    /** Uses one provider for every request, like {@code VIDEOGEN4J_PROVIDER}. */
    public VideoClientBuilder provider(String id) {
        this.provider = Objects.requireNonNull(id, "id == null");
        return this;
    }

    /** A routing policy, like {@code VIDEOGEN4J_ROUTING}: {@code fallback:runware,fal}, {@code cheapest}, ... */
    public VideoClientBuilder routing(String policy) {
        this.routing = Objects.requireNonNull(policy, "policy == null");
        return this;
    }

    public VideoClientBuilder apiKey(String providerId, String key) {
        apiKeys.put(Objects.requireNonNull(providerId, "providerId == null"), Objects.requireNonNull(key, "key == null"));
        return this;
    }

    /** Points a provider somewhere else: the emulator, a proxy, a regional endpoint. */
    public VideoClientBuilder baseUrl(String providerId, String url) {
        baseUrls.put(Objects.requireNonNull(providerId, "providerId == null"), Objects.requireNonNull(url, "url == null"));
        return this;
    }

    /** Adds a provider factory beside those {@link java.util.ServiceLoader} finds. */
    public VideoClientBuilder providerFactory(VideoProviderFactory factory) {
        factories.add(Objects.requireNonNull(factory, "factory == null"));
        return this;
    }

    /** A catalog file whose models are added to, or replace, the bundled ones (like {@code VIDEOGEN4J_MODELS_FILE}). */
    public VideoClientBuilder modelsFile(Path file) {
        this.modelsFile = Objects.requireNonNull(file, "file == null");
        return this;
    }

    public VideoClientBuilder listener(VideoJobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
        return this;
    }

    /**
     * Adds an observer of every provider call and job, for metrics and tracing ({@code videogen4j-micrometer}
     * provides one for Micrometer).
     */
    public VideoClientBuilder observer(dev.videogen4j.observation.VideoObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer == null"));
        return this;
    }

    /** The clock for timings, deadlines and the circuit breaker. Tests pass a controllable one. */
    public VideoClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        return this;
    }

    /** The scheduler for polls, retry waits and deadlines. The caller owns it; {@link VideoClient#close()} leaves it. */
    public VideoClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.timer = Objects.requireNonNull(scheduler, "scheduler == null");
        return this;
    }

    /** Where blocking provider calls run. The caller owns it. */
    public VideoClientBuilder callExecutor(Executor executor) {
        this.callExecutor = Objects.requireNonNull(executor, "executor == null");
        return this;
    }

    /**
     * At most this many provider calls in flight at once, like {@code VIDEOGEN4J_MAX_CONCURRENT_CALLS} (default
     * 48). Each holds a thread while it waits for its HTTP answer, so this also caps the threads the client
     * starts; with the default a saturated client stays under 64 threads in all. Raise it when many jobs of a
     * provider without batching must be polled often: at 200 ms per request, 48 calls sustain ~240 requests/s.
     * Ignored with {@link #callExecutor(Executor)}.
     */
    public VideoClientBuilder maxConcurrentCalls(int max) {
        if (max < 1) throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + max);
        this.maxConcurrentCalls = max;
        return this;
    }

    public VideoClientBuilder pollInterval(Duration initial, double multiplier, Duration max) {
        this.poll = new PollSettings(initial, multiplier, max);
        return this;
    }

    /** Attempts per call (1 = no retry) and the exponential backoff between them. */
    public VideoClientBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        resilience.add(r -> new ResilienceSettings(maxAttempts, initialBackoff, r.multiplier(), maxBackoff, r.jitter(),
                r.maxRetryAfter(), r.failureRateThreshold(), r.slidingWindowSize(), r.minimumCalls(), r.openDuration(),
                r.halfOpenCalls()));
        return this;
    }

    /** Opens a provider's circuit at {@code failureRatePercent} over the last {@code window} calls. */
    public VideoClientBuilder circuitBreaker(float failureRatePercent, int window, int minimumCalls, Duration openFor) {
        resilience.add(r -> new ResilienceSettings(r.maxAttempts(), r.initialBackoff(), r.multiplier(), r.maxBackoff(),
                r.jitter(), r.maxRetryAfter(), failureRatePercent, window, minimumCalls, openFor, r.halfOpenCalls()));
        return this;
    }

    /** Whether a job whose {@code await} deadline passes is cancelled at the provider (default true). */
    public VideoClientBuilder cancelOnTimeout(boolean cancel) {
        this.cancelOnTimeout = cancel;
        return this;
    }

    /**
     * Polls this provider's in-flight jobs many per request (providers that support it, like Runware), like
     * {@code VIDEOGEN4J_<ID>_BATCH_POLLING=true}. Due polls gather for {@code VIDEOGEN4J_<ID>_BATCH_WINDOW}
     * (default 50 ms); at most {@code VIDEOGEN4J_<ID>_BATCH_MAX} (default 100) go in one request.
     */
    public VideoClientBuilder batchPolling(String providerId) {
        batchPolling.add(Objects.requireNonNull(providerId, "providerId == null"));
        return this;
    }

    /**
     * Sends this provider's submits many per request (providers that support it and de-duplicate submits, like
     * Runware), like {@code VIDEOGEN4J_<ID>_BATCH_SUBMITS=true}: submits made within
     * {@code VIDEOGEN4J_<ID>_BATCH_WINDOW} (default 50 ms) of each other go together, at most
     * {@code VIDEOGEN4J_<ID>_BATCH_MAX} (default 100) per request. Worth it when many jobs start at once.
     */
    public VideoClientBuilder batchSubmits(String providerId) {
        batchSubmits.add(Objects.requireNonNull(providerId, "providerId == null"));
        return this;
    }

    /**
     * Lets webhooks replace polling, like {@code VIDEOGEN4J_WEBHOOK_SAFETY_POLL=5m}: a job submitted with a
     * {@link VideoRequest#webhookUrl() webhook URL} is then polled only every {@code interval}, as a safety net
     * for a webhook that never arrives, and completes when your endpoint hands its webhook to
     * {@link VideoClient#onWebhook}. Off by default: the client cannot know that your endpoint does, so such jobs
     * are polled like any other.
     */
    public VideoClientBuilder webhookSafetyPoll(Duration interval) {
        Objects.requireNonNull(interval, "interval == null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("webhookSafetyPoll must be longer than zero, got " + interval);
        }
        this.webhookSafetyPoll = interval;
        return this;
    }

    /**
     * The webhook URL of every request sent to this provider that names none, like
     * {@code VIDEOGEN4J_<ID>_WEBHOOK_URL}: where your endpoint receives that provider's webhooks (and hands them to
     * {@link VideoClient#onWebhook}). Ignored for a provider the client does not use.
     */
    public VideoClientBuilder webhookUrl(String providerId, String url) {
        webhookUrls.put(Objects.requireNonNull(providerId, "providerId == null"), Objects.requireNonNull(url, "url == null"));
        return this;
    }

    /** How long {@link VideoClient#generate(VideoRequest)} waits (default 10 minutes). */
    public VideoClientBuilder defaultTimeout(Duration timeout) {
        this.defaultTimeout = Objects.requireNonNull(timeout, "timeout == null");
        return this;
    }

    /** @throws ConfigurationException saying what to set */
    public VideoClient build() {
        ProviderRegistry registry = ProviderRegistry.discover(factories);
        ProviderSetup setup = new ProviderSetup(settings, apiKeys, baseUrls, clock);
        RoutingPolicy policy = policy(registry, setup);
        // Every setting is read before a provider or a thread exists, so a configuration mistake leaks neither.
        List<ModelCapabilities> overrides = overrides();
        // Environment first, then the builder's explicit retry()/circuitBreaker() on top, field by field.
        ResilienceSettings base = ResilienceSettings.DEFAULTS.overriddenBy(settings, "VIDEOGEN4J_");
        Map<String, ResilienceSettings> perProvider = new HashMap<>();
        policy.providers().forEach(id -> perProvider.put(id, explicit(base.overriddenBy(settings, ProviderSetup.prefix(id)))));
        PollSettings polls = poll != null ? poll : PollSettings.DEFAULTS.overriddenBy(settings);
        boolean cancel = cancelOnTimeout != null ? cancelOnTimeout
                : settings.bool("VIDEOGEN4J_CANCEL_ON_TIMEOUT").orElse(true);
        Duration timeout = defaultTimeout != null ? defaultTimeout
                : settings.positiveDuration("VIDEOGEN4J_TIMEOUT").orElse(Duration.ofMinutes(10));
        int callCap = maxConcurrentCalls != null ? maxConcurrentCalls
                : settings.integer("VIDEOGEN4J_MAX_CONCURRENT_CALLS", 1).orElse(DEFAULT_MAX_CONCURRENT_CALLS);
        Duration safetyPoll = webhookSafetyPoll != null ? webhookSafetyPoll
                : settings.positiveDuration("VIDEOGEN4J_WEBHOOK_SAFETY_POLL").orElse(null);
        Map<String, Batch> batches = batches(policy);
        Map<String, String> hooks = new HashMap<>();
        for (String id : policy.providers()) {
            String url = webhookUrls.getOrDefault(id, settings.get(ProviderSetup.prefix(id) + "WEBHOOK_URL").orElse(null));
            if (url != null) hooks.put(id, url);
        }
        Map<String, VideoProvider> providers = new LinkedHashMap<>();
        try {
            for (String id : policy.providers()) {
                VideoProviderFactory f = registry.get(id);
                providers.put(id, f.create(setup.config(f)));
            }
            return assemble(policy, providers, overrides, perProvider, new Tuning(polls, cancel, timeout, callCap,
                    safetyPoll, batches, hooks));
        } catch (RuntimeException e) {
            providers.values().forEach(VideoProvider::close);
            throw e;
        }
    }

    private Map<String, Batch> batches(RoutingPolicy policy) {
        Map<String, Batch> batches = new HashMap<>();
        for (String id : policy.providers()) {
            String p = ProviderSetup.prefix(id);
            boolean polls = batchPolling.contains(id) || settings.bool(p + "BATCH_POLLING").orElse(false);
            boolean submits = batchSubmits.contains(id) || settings.bool(p + "BATCH_SUBMITS").orElse(false);
            if (polls || submits) {
                batches.put(id, new Batch(settings.duration(p + "BATCH_WINDOW").orElse(Duration.ofMillis(50)),
                        settings.integer(p + "BATCH_MAX", 1).orElse(100), polls, submits));
            }
        }
        return batches;
    }

    private VideoClient assemble(RoutingPolicy policy, Map<String, VideoProvider> providers,
                                 List<ModelCapabilities> overrides, Map<String, ResilienceSettings> perProvider,
                                 Tuning tuning) {
        CapabilityMatrix matrix = CapabilityMatrix.of(providers.values().stream().flatMap(p -> p.models().stream())
                .collect(Collectors.toList())).withOverrides(overrides);
        Listeners events = new Listeners(listeners, observers);
        ScheduledExecutorService ownTimer = timer == null ? newTimer() : null;
        ExecutorService ownCalls = callExecutor == null ? newCallPool(tuning.callCap()) : null;
        Runnable stopOwnThreads = () -> {
            if (ownTimer != null) ownTimer.shutdownNow();
            if (ownCalls != null) ownCalls.shutdownNow();
        };
        try {
            ScheduledExecutorService t = timer != null ? timer : ownTimer;
            Executor calls = callExecutor != null ? callExecutor : ownCalls;
            Map<String, ProviderResilience> guards = new HashMap<>();
            providers.forEach((id, p) -> guards.put(id, new ProviderResilience(id, p.deduplicatesSubmits(),
                    perProvider.get(id), clock, t, calls, events)));
            JobEngine engine = new JobEngine(providers, guards, matrix, tuning.polls(), tuning.cancel(), clock, t, events);
            tuning.batches().forEach((id, b) -> {
                if (b.polls()) engine.enableBatchPolling(id, b.window(), b.max());
                if (b.submits()) engine.enableBatchSubmits(id, b.window(), b.max());
            });
            if (tuning.safetyPoll() != null) engine.pollWebhookJobsEvery(tuning.safetyPoll());
            engine.defaultWebhookUrls(tuning.webhookUrls());
            LatencyTracker latency = new LatencyTracker();
            return new VideoClient(providers, matrix, engine, new Router(policy, matrix, latency), latency,
                    tuning.timeout(), () -> {
                        engine.close();
                        providers.values().forEach(VideoProvider::close);
                        stopOwnThreads.run();
                    });
        } catch (RuntimeException e) {
            stopOwnThreads.run();
            throw e;
        }
    }

    /** Batching for one provider: how long due calls gather, how many go in one request, and which calls. */
    private record Batch(Duration window, int max, boolean polls, boolean submits) {
    }

    /** The engine settings read by {@link #build()} before anything is created. */
    private record Tuning(PollSettings polls, boolean cancel, Duration timeout, int callCap, Duration safetyPoll,
                          Map<String, Batch> batches, Map<String, String> webhookUrls) {
    }

    private ResilienceSettings explicit(ResilienceSettings fromEnvironment) {
        ResilienceSettings r = fromEnvironment;
        for (java.util.function.UnaryOperator<ResilienceSettings> setting : resilience) r = setting.apply(r);
        return r;
    }

    private RoutingPolicy policy(ProviderRegistry registry, ProviderSetup setup) {
        String spec = routing != null ? routing : provider != null ? "single:" + provider
                : settings.get("VIDEOGEN4J_ROUTING").orElse(settings.get("VIDEOGEN4J_PROVIDER").map(p -> "single:" + p).orElse(null));
        if (spec != null) {
            RoutingPolicy p = RoutingPolicy.parse(spec);
            if (!p.providers().isEmpty()) {
                p.providers().forEach(registry::get);   // unknown ids fail here, listing what exists
                return p;
            }
            return p.withProviders(withCredentials(registry, setup, spec));
        }
        List<String> ready = withCredentials(registry, setup, null);
        return ready.size() == 1 ? new RoutingPolicy(RoutingPolicy.Kind.SINGLE, ready)
                : new RoutingPolicy(RoutingPolicy.Kind.FALLBACK, ready);
    }

    private List<String> withCredentials(ProviderRegistry registry, ProviderSetup setup, String spec) {
        java.util.Set<String> explicit = factories.stream().map(VideoProviderFactory::id).collect(Collectors.toSet());
        // By default only providers someone chose join: a provider that needs a key, when it has one; a key-less
        // provider (testkit's "fake", a local server) only when handed to the builder or named, never just because
        // its jar is on the class path.
        List<String> ready = registry.all().stream()
                .filter(f -> f.requiresApiKey() ? setup.hasCredentials(f) : explicit.contains(f.id()))
                .map(VideoProviderFactory::id).collect(Collectors.toList());
        if (ready.isEmpty()) {
            String hints = registry.all().stream().map(f -> f.id() + " (" + String.join(" or ",
                    ProviderSetup.keyVariables(f)) + ")").collect(Collectors.joining(", "));
            throw new ConfigurationException("No provider is configured" + (spec == null ? "" : " for " + spec)
                    + ": set VIDEOGEN4J_PROVIDER and that provider's API key. Providers found: "
                    + (hints.isEmpty() ? "none (add videogen4j-provider-runware or -fal to the class path)" : hints));
        }
        return ready;
    }

    private List<ModelCapabilities> overrides() {
        Path file = modelsFile != null ? modelsFile : settings.get("VIDEOGEN4J_MODELS_FILE").map(Path::of).orElse(null);
        if (file == null) return List.of();
        try {
            return ModelCatalog.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the models file " + file + " (VIDEOGEN4J_MODELS_FILE): " + e.getMessage(), e);
        }
    }

    private static ScheduledExecutorService newTimer() {
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("videogen4j-timer"));
        s.setRemoveOnCancelPolicy(true);
        return s;
    }

    // Provider calls block on HTTP: the pool's maximum bounds the in-flight calls and the threads a busy client
    // holds, and a quiet client holds only the few it needs.
    private static ExecutorService newCallPool(int max) {
        if (max < 1) {
            throw new ConfigurationException("VIDEOGEN4J_MAX_CONCURRENT_CALLS=" + max + " must be at least 1");
        }
        return new CallPool(max, 30, TimeUnit.SECONDS, daemon("videogen4j-call"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, name + "-" + n.incrementAndGet());
            th.setDaemon(true);
            return th;
        };
    }
}
