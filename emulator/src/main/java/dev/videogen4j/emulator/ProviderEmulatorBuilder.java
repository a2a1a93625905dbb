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
public final class ProviderEmulatorBuilder {
    private int port;
    private Long seed;
    private Clock clock = Clock.systemUTC();
    private String runwareApiKey = ProviderEmulator.DEFAULT_RUNWARE_KEY;
    private String falApiKey = ProviderEmulator.DEFAULT_FAL_KEY;
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

    ProviderEmulatorBuilder() {}

    /** The loopback port; 0 (default) picks a free one. */
    public ProviderEmulatorBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    /** Makes ids, generation seeds, fault draws, failures and the webhook key reproducible. */
    public ProviderEmulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The emulator's time; a {@link MutableClock} turns off all background work. */
    public ProviderEmulatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        return this;
    }

    public ProviderEmulatorBuilder runwareApiKey(String key) {
        this.runwareApiKey = nonEmpty(key, "runwareApiKey");
        return this;
    }

    public ProviderEmulatorBuilder falApiKey(String key) {
        this.falApiKey = nonEmpty(key, "falApiKey");
        return this;
    }

    /** Queue wait and run time of every job, on the emulator clock. Default: 0 s and 2 s. */
    public ProviderEmulatorBuilder timing(Duration queue, Duration run) {
        this.defaultTiming = timingOf(queue, run);
        return this;
    }

    /** Timing for one native Runware model ({@code klingai:6@0}) or fal endpoint id. */
    public ProviderEmulatorBuilder timing(String modelOrEndpoint, Duration queue, Duration run) {
        if (RunwareModels.find(modelOrEndpoint) == null && FalModels.find(modelOrEndpoint) == null) {
            throw new IllegalArgumentException("unknown model or endpoint: " + modelOrEndpoint);
        }
        timings.put(modelOrEndpoint, timingOf(queue, run));
        return this;
    }

    /** Real time added before every HTTP response (for benchmarks). Default 0. */
    public ProviderEmulatorBuilder latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency < 0: " + latency);
        }
        this.latency = latency;
        return this;
    }

    public ProviderEmulatorBuilder faults(FaultPlan plan) {
        this.faults = Objects.requireNonNull(plan, "plan == null");
        return this;
    }

    public ProviderEmulatorBuilder runwareWebhookFormat(RunwareWebhookFormat format) {
        this.runwareWebhookFormat = Objects.requireNonNull(format, "format == null");
        return this;
    }

    /** Share (0–1) of accepted jobs that fail, drawn with the seeded random. Default 0. */
    public ProviderEmulatorBuilder jobFailureRate(double rate) {
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
    public ProviderEmulatorBuilder placeholderPricePerSecond(BigDecimal price) {
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
    public ProviderEmulatorBuilder extraFalEndpoint(String endpointId, boolean imageToVideo, BigDecimal pricePerSecond) {
        extraFal.put(nonEmpty(endpointId, "endpointId"), dev.videogen4j.emulator.internal.fal.FalModel.of(endpointId,
                dev.videogen4j.emulator.internal.fal.FalSchema.lenient(imageToVideo, pricePerSecond)));
        return this;
    }

    /** The user id fal webhooks are signed for ({@code X-Fal-Webhook-User-Id}). */
    public ProviderEmulatorBuilder falUserId(String userId) {
        this.falUserId = nonEmpty(userId, "falUserId");
        return this;
    }

    /**
     * How long a finished Runware task still answers {@code getResponse}; after that it
     * answers {@code taskFailedOrNotFound} but stays readable through {@code getTaskDetails}
     * ("getResponse … checks active operations", runware.ai/docs/platform/task-polling and
     * /task-details, read 2026-12-01; Runware documents no period). Default: forever.
     */
    public ProviderEmulatorBuilder runwareRetention(Duration retention) {
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
