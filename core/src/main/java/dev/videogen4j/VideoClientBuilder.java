package dev.videogen4j;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.ResilienceSettings;
import dev.videogen4j.internal.Settings;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.observation.VideoObserver;
import dev.videogen4j.spi.VideoProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link VideoClient}. Explicit settings win over the environment; everything has a default. A
 * configuration mistake — an unknown provider, a missing key, a malformed value — fails {@link #build()} with a
 * message that says what to set.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .fromEnvironment()                      // optional: read VIDEOGEN4J_* variables too
 *         .routing("fallback:runware,fal")
 *         .apiKey("runware", System.getenv("RUNWARE_API_KEY"))
 *         .apiKey("fal", System.getenv("FAL_KEY"))
 *         .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
 *         .listener(myListener)
 *         .build();
 * }</pre>
 */
public final class VideoClientBuilder {
    // Package-private: ClientAssembly reads them when it builds.
    Settings settings = Settings.of(Map.of());
    String provider;
    String routing;
    final Map<String, String> apiKeys = new HashMap<>();
    final Map<String, String> baseUrls = new HashMap<>();
    final List<VideoProviderFactory> factories = new ArrayList<>();
    final List<VideoJobListener> listeners = new ArrayList<>();
    final List<VideoObserver> observers = new ArrayList<>();
    Path modelsFile;
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService timer;
    Executor callExecutor;
    Integer maxConcurrentCalls;
    PollBackoff poll;
    // Applied over the environment's values: explicit settings win, field by field.
    final List<UnaryOperator<ResilienceSettings>> resilience = new ArrayList<>();
    Boolean cancelOnTimeout;
    Duration defaultTimeout;
    Duration webhookSafetyPoll;
    final Map<String, String> webhookUrls = new HashMap<>();
    final Set<String> batchPolling = new HashSet<>();
    final Set<String> batchSubmits = new HashSet<>();
    JobStore jobStore;
    Duration followAfterTimeout;
    String instanceId;
    SharedThreads shared;     // set by VideoClient.newBuilder(): the parent client's threads

    VideoClientBuilder() {
    }

    /** Reads configuration from environment variables and system properties. */
    public VideoClientBuilder fromEnvironment() {
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
    public VideoClientBuilder observer(VideoObserver observer) {
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
        if (max < 1) throw new ConfigurationException("maxConcurrentCalls must be at least 1, got " + max);
        this.maxConcurrentCalls = max;
        return this;
    }

    public VideoClientBuilder pollInterval(Duration initial, double multiplier, Duration max) {
        return pollInterval(new PollBackoff(initial, multiplier, max));
    }

    /** How often jobs are polled (over {@code VIDEOGEN4J_POLL_*}); {@link PollBackoff#DEFAULTS} unless set. */
    public VideoClientBuilder pollInterval(PollBackoff schedule) {
        this.poll = Objects.requireNonNull(schedule, "schedule == null");
        return this;
    }

    /**
     * Attempts per call (1 = no retry) and the exponential backoff between them.
     *
     * @throws ConfigurationException when a value is out of range, as for {@code VIDEOGEN4J_RETRY_*}
     */
    public VideoClientBuilder retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        ResilienceSettings d = ResilienceSettings.DEFAULTS;
        new ResilienceSettings(maxAttempts, initialBackoff, d.multiplier(), maxBackoff, d.jitter(), d.maxRetryAfter(),
                d.failureRateThreshold(), d.slidingWindowSize(), d.minimumCalls(), d.openDuration(), d.halfOpenCalls());
        resilience.add(r -> new ResilienceSettings(maxAttempts, initialBackoff, r.multiplier(), maxBackoff, r.jitter(),
                r.maxRetryAfter(), r.failureRateThreshold(), r.slidingWindowSize(), r.minimumCalls(), r.openDuration(),
                r.halfOpenCalls()));
        return this;
    }

    /**
     * Opens a provider's circuit at {@code failureRatePercent} over the last {@code window} calls.
     *
     * @throws ConfigurationException when a value is out of range, as for {@code VIDEOGEN4J_CIRCUIT_*}
     */
    public VideoClientBuilder circuitBreaker(float failureRatePercent, int window, int minimumCalls, Duration openFor) {
        ResilienceSettings d = ResilienceSettings.DEFAULTS;
        new ResilienceSettings(d.maxAttempts(), d.initialBackoff(), d.multiplier(), d.maxBackoff(), d.jitter(),
                d.maxRetryAfter(), failureRatePercent, window, minimumCalls, openFor, d.halfOpenCalls());
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
            throw new ConfigurationException("webhookSafetyPoll must be longer than zero, got " + interval);
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
        Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("defaultTimeout must be longer than zero, got " + timeout);
        }
        this.defaultTimeout = timeout;
        return this;
    }

    /**
     * Keeps job records in {@code store} instead of what {@code VIDEOGEN4J_JOB_STORE} names ({@code memory} by
     * default; a JDBC URL with {@code videogen4j-jobs-jdbc} on the class path). The caller owns the store:
     * {@link VideoClient#close()} leaves it open. A store shared by several clients (instances) lets any of them
     * await, poll or complete any job.
     */
    public VideoClientBuilder jobStore(JobStore store) {
        this.jobStore = Objects.requireNonNull(store, "store == null");
        return this;
    }

    /**
     * How long a job is still followed after every {@code await} of it timed out without cancelling it, like
     * {@code VIDEOGEN4J_FOLLOW_AFTER_TIMEOUT} (default 10 minutes). Then it is released: no more polls; its record
     * stays, and a new {@code await} of its id follows it again.
     */
    public VideoClientBuilder followAfterTimeout(Duration duration) {
        Objects.requireNonNull(duration, "duration == null");
        if (duration.isNegative()) {
            throw new ConfigurationException("followAfterTimeout must not be negative, got " + duration);
        }
        this.followAfterTimeout = duration;
        return this;
    }

    /** This client's name in the job records it writes, like {@code VIDEOGEN4J_INSTANCE_ID}. */
    public VideoClientBuilder instanceId(String id) {
        this.instanceId = Objects.requireNonNull(id, "id == null");
        return this;
    }

    /** @throws ConfigurationException saying what to set */
    public VideoClient build() {
        return new ClientAssembly(this).build();
    }
}
