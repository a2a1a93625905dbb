package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.CallerRuns;
import dev.videogen4j.internal.EngineSettings;
import dev.videogen4j.internal.JobEngine;
import dev.videogen4j.internal.JobStoreSetup;
import dev.videogen4j.internal.IoThreads;
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
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What {@link VideoClientBuilder#build()} does: every setting is read first (explicit ones over the environment),
 * so a configuration mistake leaks no provider and no thread; then the providers, threads, store and engine are
 * made, and everything made is released again if a later step fails.
 */
final class ClientAssembly {
    // 48 call threads + the timer + OkHttp's 2-3 + the JVM's own ~6: under 64 threads when every call is busy. On JDK
    // 24+ calls run on virtual threads (IoThreads): 256 in flight cost a few carriers, and carry 5,000 requests/s at
    // 50 ms each.
    private static final int DEFAULT_MAX_CONCURRENT_CALLS = IoThreads.virtual() ? 256 : 48;

    private final VideoClientBuilder b;
    private final Settings settings;

    ClientAssembly(VideoClientBuilder builder) {
        this.b = builder;
        this.settings = builder.settings;
    }

    VideoClient build() {
        ProviderRegistry registry = ProviderRegistry.discover(b.factories);
        ProviderSetup setup = new ProviderSetup(settings, b.apiKeys, b.baseUrls, b.clock);
        RoutingPolicy policy = policy(registry, setup);
        List<ModelCapabilities> overrides = overrides();
        ResilienceSettings base = ResilienceSettings.DEFAULTS.overriddenBy(settings, "VIDEOGEN4J_");
        Map<String, ResilienceSettings> perProvider = new HashMap<>();
        policy.providers().forEach(id -> perProvider.put(id, explicit(base.overriddenBy(settings, ProviderSetup.prefix(id)))));
        EngineSettings engine = engineSettings(policy);
        Duration timeout = b.defaultTimeout != null ? b.defaultTimeout
                : settings.positiveDuration("VIDEOGEN4J_TIMEOUT").orElse(Duration.ofMinutes(10));
        int callCap = b.maxConcurrentCalls != null ? b.maxConcurrentCalls
                : settings.integer("VIDEOGEN4J_MAX_CONCURRENT_CALLS", 1).orElse(DEFAULT_MAX_CONCURRENT_CALLS);
        List<AutoCloseable> made = new java.util.ArrayList<>();
        try {
            JobStore store = b.jobStore != null ? b.jobStore : JobStoreSetup.open(settings, loader());
            if (b.jobStore == null) made.add(store);
            // Threads first: their holder also holds what the providers share with related clients (HTTP pools).
            SharedThreads threads = b.shared != null && b.shared.acquire() ? b.shared
                    : SharedThreads.of(b.timer, b.callExecutor, callCap);
            made.add(threads::release);
            Map<String, VideoProvider> providers = new LinkedHashMap<>();
            // The client owns its keys: it scrubs them from all its providers return or throw, and nothing outside
            // this client ever holds them (no JVM-wide list of keys); they go when the client is dropped.
            Redactor redactor = Redactor.none();
            for (String id : policy.providers()) {
                VideoProviderFactory f = registry.get(id);
                ProviderConfig config = setup.config(f, threads.resources);
                redactor = redactor.and(config.redactor());
                VideoProvider p = f.create(config);
                made.add(p);
                providers.put(id, p);
            }
            return assemble(policy, providers, overrides, perProvider, engine, timeout, store, threads, made, redactor);
        } catch (RuntimeException e) {
            closeAll(made);
            throw e;
        }
    }

    private VideoClient assemble(RoutingPolicy policy, Map<String, VideoProvider> providers,
                                 List<ModelCapabilities> overrides, Map<String, ResilienceSettings> perProvider,
                                 EngineSettings settings, Duration timeout, JobStore store, SharedThreads threads,
                                 List<AutoCloseable> made, Redactor redactor) {
        CapabilityMatrix matrix = CapabilityMatrix.of(providers.values().stream().flatMap(p -> p.models().stream())
                .collect(Collectors.toList())).withOverrides(overrides);
        Listeners events = new Listeners(b.listeners, b.observers);
        Map<String, ProviderResilience> guards = new HashMap<>();
        // A blocking call runs what the engine times on its own thread (CallerRuns); the timer only keeps time.
        ScheduledExecutorService timer = CallerRuns.timer(threads.timer);
        providers.forEach((id, p) -> guards.put(id, new ProviderResilience(id, p.deduplicatesSubmits(),
                perProvider.get(id), b.clock, timer, threads.calls, events, redactor)));
        JobEngine engine = new JobEngine(providers, guards, matrix, b.clock, timer, events, store, settings, redactor);
        LatencyTracker latency = new LatencyTracker();
        VideoClientBuilder again = copy(b, threads);
        return new VideoClient(providers, matrix, engine, new Router(policy, matrix, latency, engine), timeout,
                () -> {
                    engine.close();
                    closeAll(made);
                }, () -> copy(again, threads), threads.resources);
    }

    private static void closeAll(List<AutoCloseable> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                made.get(i).close();
            } catch (Exception e) {
                // closing is best effort: one resource that fails to close must not keep the others open
            }
        }
    }

    private ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ClientAssembly.class.getClassLoader();
    }

    private EngineSettings engineSettings(RoutingPolicy policy) {
        PollSettings polls = b.poll != null ? b.poll.settings() : PollSettings.DEFAULTS.overriddenBy(settings);
        boolean cancel = b.cancelOnTimeout != null ? b.cancelOnTimeout
                : settings.bool("VIDEOGEN4J_CANCEL_ON_TIMEOUT").orElse(true);
        Duration safetyPoll = b.webhookSafetyPoll != null ? b.webhookSafetyPoll
                : settings.positiveDuration("VIDEOGEN4J_WEBHOOK_SAFETY_POLL").orElse(null);
        Duration follow = b.followAfterTimeout != null ? b.followAfterTimeout
                : settings.duration("VIDEOGEN4J_FOLLOW_AFTER_TIMEOUT").orElse(Duration.ofMinutes(10));
        String instance = b.instanceId != null ? b.instanceId : JobStoreSetup.instanceId(settings);
        Map<String, String> hooks = new HashMap<>();
        for (String id : policy.providers()) {
            String url = b.webhookUrls.getOrDefault(id, settings.get(ProviderSetup.prefix(id) + "WEBHOOK_URL").orElse(null));
            if (url != null) hooks.put(id, url);
        }
        return new EngineSettings(polls, cancel, safetyPoll, follow, batches(policy), instance, hooks,
                settings.bool("VIDEOGEN4J_POLL_ADAPTIVE").orElse(true),
                settings.integer("VIDEOGEN4J_STATUS_STREAMS", 0).orElse(streamsByDefault(polls)
                        ? JobEngine.defaultStatusStreams() : 0),
                b.poll == null && Stream.of("INITIAL_DELAY", "MULTIPLIER", "MAX_DELAY")
                        .noneMatch(k -> settings.get("VIDEOGEN4J_POLL_" + k).isPresent()));
    }

    // A stream is read in real time on a thread of its own: an application that runs the engine on its own
    // scheduler or executor (a virtual-time test) could not drive it, so it streams only when it asks to. A client
    // told to poll at least every half second has chosen its notice delay: it polls, unless it asks to stream.
    private boolean streamsByDefault(PollSettings polls) {
        return b.timer == null && b.callExecutor == null && polls.maxDelay().toMillis() >= 500;
    }

    private Map<String, EngineSettings.Batch> batches(RoutingPolicy policy) {
        Map<String, EngineSettings.Batch> batches = new HashMap<>();
        for (String id : policy.providers()) {
            String p = ProviderSetup.prefix(id);
            boolean polls = b.batchPolling.contains(id) || settings.bool(p + "BATCH_POLLING").orElse(false);
            boolean submits = b.batchSubmits.contains(id) || settings.bool(p + "BATCH_SUBMITS").orElse(false);
            if (polls || submits) {
                batches.put(id, new EngineSettings.Batch(settings.duration(p + "BATCH_WINDOW").orElse(Duration.ofMillis(50)),
                        settings.integer(p + "BATCH_MAX", 1).orElse(100), polls, submits));
            }
        }
        return batches;
    }

    private ResilienceSettings explicit(ResilienceSettings fromEnvironment) {
        ResilienceSettings r = fromEnvironment;
        for (java.util.function.UnaryOperator<ResilienceSettings> setting : b.resilience) r = setting.apply(r);
        return r;
    }

    private RoutingPolicy policy(ProviderRegistry registry, ProviderSetup setup) {
        String spec = b.routing != null ? b.routing : b.provider != null ? "single:" + b.provider
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
        Set<String> explicit = b.factories.stream().map(VideoProviderFactory::id).collect(Collectors.toSet());
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
        Path file = b.modelsFile != null ? b.modelsFile : settings.get("VIDEOGEN4J_MODELS_FILE").map(Path::of).orElse(null);
        if (file == null) return List.of();
        try {
            return ModelCatalog.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read the models file " + file + " (VIDEOGEN4J_MODELS_FILE): " + e.getMessage(), e);
        }
    }

    /** A builder with {@code b}'s configuration, whose clients share {@code threads}. */
    static VideoClientBuilder copy(VideoClientBuilder b, SharedThreads threads) {
        VideoClientBuilder c = VideoClient.builder();
        c.settings = b.settings;
        c.provider = b.provider;
        c.routing = b.routing;
        c.apiKeys.putAll(b.apiKeys);
        c.baseUrls.putAll(b.baseUrls);
        c.factories.addAll(b.factories);
        c.listeners.addAll(b.listeners);
        c.observers.addAll(b.observers);
        c.modelsFile = b.modelsFile;
        c.clock = b.clock;
        c.timer = b.timer;
        c.callExecutor = b.callExecutor;
        c.maxConcurrentCalls = b.maxConcurrentCalls;
        c.poll = b.poll;
        c.resilience.addAll(b.resilience);
        c.cancelOnTimeout = b.cancelOnTimeout;
        c.defaultTimeout = b.defaultTimeout;
        c.webhookSafetyPoll = b.webhookSafetyPoll;
        c.batchPolling.addAll(b.batchPolling);
        c.batchSubmits.addAll(b.batchSubmits);
        c.webhookUrls.putAll(b.webhookUrls);
        c.jobStore = b.jobStore;
        c.followAfterTimeout = b.followAfterTimeout;
        c.instanceId = b.instanceId;
        c.shared = threads;
        return c;
    }
}
