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
 * <p><b>Time.</b> Jobs wait and run on the emulator clock ({@link ProviderEmulatorBuilder#timing}); their state is
 * computed from the clock on every request. With a {@link MutableClock} nothing happens in the
 * background: call {@link #deliverDueWebhooks()} after advancing. With any other clock a daemon
 * thread delivers webhooks as they come due.
 *
 * <p><b>Scripting.</b> A prompt containing {@code [emulator:fail]} makes the job fail (Runware:
 * {@code timeoutProvider} in {@code errors[]}; fal: COMPLETED with {@code error}/{@code
 * error_type}, result 500). A fal prompt containing {@code [emulator:content-policy]} is refused
 * like any input fal's model refuses: the queue accepts it, the job ends COMPLETED, and its result
 * is a 422 {@code content_policy_violation}. {@link ProviderEmulatorBuilder#jobFailureRate} fails jobs at random.
 *
 * <p>Which faults leave a request processed is spelled out on {@link Fault}.
 */
public final class ProviderEmulator implements AutoCloseable {
    /** The Runware key accepted unless {@link ProviderEmulatorBuilder#runwareApiKey} says otherwise. */
    public static final String DEFAULT_RUNWARE_KEY = "emulator-runware-key";
    /** The fal key accepted unless {@link ProviderEmulatorBuilder#falApiKey} says otherwise. */
    public static final String DEFAULT_FAL_KEY = "emulator-fal-key";

    private final MockWebServer server;
    private final EmulatorConfig config;
    private final StatsRecorder stats;
    private final EmulatorRuntime runtime;
    private final String baseUrl;

    ProviderEmulator(EmulatorConfig config, int port, FaultPlan plan) {
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

    public static ProviderEmulatorBuilder builder() {
        return new ProviderEmulatorBuilder();
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

    /** The seed in use (random unless {@link ProviderEmulatorBuilder#seed} set one), to reproduce a run. */
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

    /**
     * When each {@code vendor} job accepted since the start or {@link #resetStats()} ends on the emulator clock, by
     * job id (Runware taskUUID, fal request id): fixed as the submit is accepted, so a benchmark can tell how long
     * after a job's end its client had the result. A fal job cancelled while queued ends earlier.
     */
    public java.util.Map<String, java.time.Instant> jobEnds(String vendor) {
        return stats.jobs.ends(vendor);
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
}
