package dev.videogen4j.emulator;

import dev.videogen4j.emulator.internal.EmulatorConfig;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.emulator.internal.EmulatorDispatcher;
import dev.videogen4j.emulator.internal.EmulatorRuntime;
import dev.videogen4j.emulator.internal.NoDelayServerSockets;
import dev.videogen4j.emulator.internal.Timings;
import dev.videogen4j.emulator.internal.fal.FalModels;
import dev.videogen4j.emulator.internal.runware.RunwareModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.MockWebServer;

/**
 * An offline, wire-faithful stand-in for Runware's REST API and fal's queue API on one loopback
 * port: authentication, validation against the Kling model tables, asynchronous job states on a
 * simulated clock, webhooks (fal's Ed25519-signed), video downloads, fault injection, outage
 * windows and counters. Point an adapter's base URL at it and it behaves like the vendor.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * try (ProviderEmulator emu = ProviderEmulator.builder().clock(clock).seed(42L).start()) {
 *   // POST emu.runwareBaseUrl() with "Authorization: Bearer " + ProviderEmulator.DEFAULT_RUNWARE_KEY
 *   // POST emu.falQueueBaseUrl() + "/fal-ai/kling-video/v2.5-turbo/standard/image-to-video"
 *   //      with "Authorization: Key " + ProviderEmulator.DEFAULT_FAL_KEY
 *   clock.advance(Duration.ofSeconds(5));   // default timing: no queue, 2 s of running
 *   emu.deliverDueWebhooks();
 *   System.out.println(emu.stats().toJson());
 * }
 * }</pre>
 *
 * <p><b>Time.</b> Jobs wait and run on the emulator clock ({@link Builder#timing}); their state is
 * computed from the clock on every request. With a {@link MutableClock} nothing happens in the
 * background: call {@link #deliverDueWebhooks()} after advancing. With any other clock a daemon
 * thread delivers webhooks as they come due.
 *
 * <p><b>Scripting.</b> A prompt containing {@code [emulator:fail]} makes the job fail (Runware:
 * {@code timeoutProvider} in {@code errors[]}; fal: COMPLETED with {@code error}/{@code
 * error_type}, result 500). A fal prompt containing {@code [emulator:content-policy]} is refused
 * like any input fal's model refuses: the queue accepts it, the job ends COMPLETED, and its result
 * is a 422 {@code content_policy_violation}. {@link Builder#jobFailureRate} fails jobs at random.
 *
 * <p>Which faults leave a request processed is spelled out on {@link Fault}.
 */
public final class ProviderEmulator implements AutoCloseable {
    /** The Runware key accepted unless {@link Builder#runwareApiKey} says otherwise. */
    public static final String DEFAULT_RUNWARE_KEY = "emulator-runware-key";
    /** The fal key accepted unless {@link Builder#falApiKey} says otherwise. */
    public static final String DEFAULT_FAL_KEY = "emulator-fal-key";

    private final MockWebServer server;
    private final EmulatorConfig config;
    private final StatsRecorder stats;
    private final EmulatorRuntime runtime;
    private final String baseUrl;

    private ProviderEmulator(EmulatorConfig config, int port, FaultPlan plan) {
        this.config = config;
        this.stats = new StatsRecorder();
        this.server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getPort();
        this.runtime = new EmulatorRuntime(config, plan, stats, () -> stats().toJson(), baseUrl);
        server.setDispatcher(new EmulatorDispatcher(server, runtime, config.latency()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Runware's REST endpoint: {@code baseUrl() + "/v1"} (the real one is https://api.runware.ai/v1). */
    public String runwareBaseUrl() {
        return baseUrl + "/v1";
    }

    /** fal's queue host: {@code baseUrl()}; endpoint paths hang off the root like on queue.fal.run. */
    public String falQueueBaseUrl() {
        return baseUrl;
    }

    /** The JWKS with the public key that verifies fal webhook signatures. */
    public String jwksUrl() {
        return baseUrl + "/.well-known/jwks.json";
    }

    /** The counters as JSON, {@code GET}-able by anything. */
    public String statsUrl() {
        return baseUrl + "/__emulator/stats";
    }

    public int port() {
        return server.getPort();
    }

    /** The seed in use (random unless {@link Builder#seed} set one), to reproduce a run. */
    public long seed() {
        return config.seed();
    }

    public Clock clock() {
        return config.clock();
    }

    public String runwareApiKey() {
        return config.runwareApiKey();
    }

    public String falApiKey() {
        return config.falApiKey();
    }

    /** Replaces the fault plan from the next request on. */
    public void faults(FaultPlan plan) {
        runtime.faults(Objects.requireNonNull(plan, "plan == null"));
    }

    public FaultPlan faults() {
        return runtime.faultPlan();
    }

    /**
     * Makes every request to {@code vendor} ({@code "runware"} or {@code "fal"}) fail with 503, not
     * processed, from now until {@code duration} of emulator-clock time has passed. A later call
     * replaces the window; {@code Duration.ZERO} ends it.
     */
    public void providerDown(String vendor, Duration duration) {
        if (!"runware".equals(vendor) && !"fal".equals(vendor)) {
            throw new IllegalArgumentException("vendor must be \"runware\" or \"fal\": " + vendor);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration < 0: " + duration);
        }
        runtime.providerDown(vendor, duration);
    }

    /** A snapshot of the counters, with fal billing brought up to the clock. */
    public EmulatorStats stats() {
        runtime.settleBilling();
        return stats.snapshot();
    }

    /**
     * The jobs of {@code vendor} billed so far (Runware taskUUIDs, fal request ids): what a store must hold a handle
     * for if no paid job is to be lost. fal jobs are billed once they start running, settled against the clock here.
     */
    public java.util.Set<String> billedJobIds(String vendor) {
        runtime.settleBilling();
        return stats.jobs.billed(vendor);
    }

    /** Every request about a job since the start or {@link #resetStats()}, in arrival order. */
    public java.util.List<JobRequest> jobRequests() {
        return stats.jobs.requests();
    }

    /** Zeroes every counter (jobs already running keep running and bill as usual). */
    public void resetStats() {
        runtime.settleBilling();
        stats.reset();
    }

    /** Sends (or retries) every webhook due at the clock's current time; returns the POSTs made. */
    public int deliverDueWebhooks() {
        return runtime.deliverDueWebhooks();
    }

    /** Webhooks waiting for their time, including retries. */
    public int pendingWebhooks() {
        return runtime.pendingWebhooks();
    }

    @Override
    public void close() {
        runtime.close();
        server.close();
    }

    @Override
    public String toString() {
        return "ProviderEmulator[runware=" + runwareBaseUrl() + ", fal=" + falQueueBaseUrl()
                + ", jwks=" + jwksUrl() + ", stats=" + statsUrl() + ", seed=" + config.seed() + "]";
    }

    /**
     * Configures and starts a {@link ProviderEmulator}. Every setting has a default, so {@code
     * ProviderEmulator.builder().start()} gives a working emulator on a free port.
     *
     * <pre>{@code
     * ProviderEmulator emu = ProviderEmulator.builder()
     *     .seed(42L)
     *     .timing(Duration.ofSeconds(1), Duration.ofSeconds(20))
     *     .timing("klingai:6@0", Duration.ZERO, Duration.ofSeconds(5))
     *     .faults(FaultPlan.builder().rate(Fault.HTTP_503, 0.1).build())
     *     .start();
     * }</pre>
     */
    public static final class Builder {
        private int port;
        private Long seed;
        private Clock clock = Clock.systemUTC();
        private String runwareApiKey = DEFAULT_RUNWARE_KEY;
        private String falApiKey = DEFAULT_FAL_KEY;
        private Timings.Timing defaultTiming = new Timings.Timing(Duration.ZERO, Duration.ofSeconds(2));
        private final Map<String, Timings.Timing> timings = new HashMap<>();
        private Duration latency = Duration.ZERO;
        private FaultPlan faults = FaultPlan.none();
        private RunwareWebhookFormat runwareWebhookFormat = RunwareWebhookFormat.FLAT;
        private double jobFailureRate;
        private BigDecimal placeholderPricePerSecond = new BigDecimal("0.05");
        private final java.util.Map<String, dev.videogen4j.emulator.internal.fal.FalModel> extraFal =
                new java.util.LinkedHashMap<>();
        private String falUserId = "emulator-user";
        private Duration runwareRetention;

        private Builder() {}

        /** The loopback port; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Makes ids, generation seeds, fault draws, failures and the webhook key reproducible. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The emulator's time; a {@link MutableClock} turns off all background work. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public Builder runwareApiKey(String key) {
            this.runwareApiKey = nonEmpty(key, "runwareApiKey");
            return this;
        }

        public Builder falApiKey(String key) {
            this.falApiKey = nonEmpty(key, "falApiKey");
            return this;
        }

        /** Queue wait and run time of every job, on the emulator clock. Default: 0 s and 2 s. */
        public Builder timing(Duration queue, Duration run) {
            this.defaultTiming = timingOf(queue, run);
            return this;
        }

        /** Timing for one native Runware model ({@code klingai:6@0}) or fal endpoint id. */
        public Builder timing(String modelOrEndpoint, Duration queue, Duration run) {
            if (RunwareModels.find(modelOrEndpoint) == null && FalModels.find(modelOrEndpoint) == null) {
                throw new IllegalArgumentException("unknown model or endpoint: " + modelOrEndpoint);
            }
            timings.put(modelOrEndpoint, timingOf(queue, run));
            return this;
        }

        /** Real time added before every HTTP response (for benchmarks). Default 0. */
        public Builder latency(Duration latency) {
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency < 0: " + latency);
            }
            this.latency = latency;
            return this;
        }

        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan == null");
            return this;
        }

        public Builder runwareWebhookFormat(RunwareWebhookFormat format) {
            this.runwareWebhookFormat = Objects.requireNonNull(format, "format == null");
            return this;
        }

        /** Share (0–1) of accepted jobs that fail, drawn with the seeded random. Default 0. */
        public Builder jobFailureRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate must be within [0, 1]: " + rate);
            }
            this.jobFailureRate = rate;
            return this;
        }

        /**
         * USD per second charged for models no source prices (Runware Kling models other than 5@1,
         * 6@0, 6@1; fal v1.6). An emulator placeholder, not a documented price. Default 0.05.
         */
        public Builder placeholderPricePerSecond(BigDecimal price) {
            if (price.signum() < 0) {
                throw new IllegalArgumentException("price < 0: " + price);
            }
            this.placeholderPricePerSecond = price;
            return this;
        }

        /**
         * Serves one more fal endpoint, e.g. a model a user added with their own catalog file: it requires a
         * {@code prompt} (and {@code image_url} for image-to-video), accepts other fields as fal does, and books
         * {@code pricePerSecond} (null: the placeholder). Bundled endpoints keep their own rules.
         */
        public Builder extraFalEndpoint(String endpointId, boolean imageToVideo, BigDecimal pricePerSecond) {
            extraFal.put(nonEmpty(endpointId, "endpointId"), dev.videogen4j.emulator.internal.fal.FalModel.of(endpointId,
                    dev.videogen4j.emulator.internal.fal.FalSchema.lenient(imageToVideo, pricePerSecond)));
            return this;
        }

        /** The user id fal webhooks are signed for ({@code X-Fal-Webhook-User-Id}). */
        public Builder falUserId(String userId) {
            this.falUserId = nonEmpty(userId, "falUserId");
            return this;
        }

        /**
         * How long a finished Runware task still answers {@code getResponse}; after that it
         * answers {@code taskFailedOrNotFound} but stays readable through {@code getTaskDetails}
         * ("getResponse … checks active operations", runware.ai/docs/platform/task-polling and
         * /task-details, read 2026-12-01; Runware documents no period). Default: forever.
         */
        public Builder runwareRetention(Duration retention) {
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention < 0: " + retention);
            }
            this.runwareRetention = retention;
            return this;
        }

        /** Binds the port and starts serving. */
        public ProviderEmulator start() {
            EmulatorConfig config = new EmulatorConfig(seed != null ? seed : new SecureRandom().nextLong(),
                    clock, runwareApiKey, falApiKey, new Timings(defaultTiming, timings), latency,
                    runwareWebhookFormat, jobFailureRate, placeholderPricePerSecond, java.util.Map.copyOf(extraFal), falUserId,
                    !(clock instanceof MutableClock), runwareRetention);
            return new ProviderEmulator(config, port, faults);
        }

        private static Timings.Timing timingOf(Duration queue, Duration run) {
            if (queue.isNegative() || run.isNegative()) {
                throw new IllegalArgumentException("timings must not be negative: " + queue + ", " + run);
            }
            return new Timings.Timing(queue, run);
        }

        private static String nonEmpty(String value, String name) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }
    }
}
