package dev.videogen4j.emulator.internal;

import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.internal.fal.FalEndpoint;
import dev.videogen4j.emulator.internal.fal.FalWebhookSigner;
import dev.videogen4j.emulator.internal.runware.RunwareEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wires the emulator together and routes every request: vendor, outage window, fault draw, then
 * the vendor's handler. One instance per running emulator; thread-safe.
 */
public final class EmulatorRuntime implements AutoCloseable {
    private final EmulatorConfig config;
    private final StatsSink stats;
    private final Supplier<String> statsJson;
    private final FaultInjector faults;
    private final ProviderOutages outages = new ProviderOutages();
    private final VideoFiles videos;
    private final WebhookOutbox outbox;
    private final FalWebhookSigner signer;
    private final RunwareEndpoint runware;
    private final FalEndpoint fal;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService deliveryThread;

    public EmulatorRuntime(EmulatorConfig config, FaultPlan plan, StatsSink stats,
            Supplier<String> statsJson, String baseUrl) {
        this.config = config;
        this.stats = stats;
        this.statsJson = statsJson;
        SeededRandom ids = new SeededRandom(config.seed(), 1);
        SeededRandom failures = new SeededRandom(config.seed(), 2);
        this.faults = new FaultInjector(new SeededRandom(config.seed(), 3), plan);
        this.videos = new VideoFiles(baseUrl);
        this.outbox = new WebhookOutbox(config.clock(), stats);
        this.signer = new FalWebhookSigner(config.seed(), config.falUserId());
        this.runware = new RunwareEndpoint(config, ids, failures, videos, outbox, stats);
        this.fal = new FalEndpoint(config, ids, failures, videos, outbox, stats, signer, baseUrl,
                closed::get);
        this.deliveryThread = config.backgroundDelivery() ? startDeliveryThread() : null;
    }

    private ScheduledExecutorService startDeliveryThread() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "videogen4j-emulator-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        // A throwing task would be silently descheduled: keep the loop alive whatever one run does.
        executor.scheduleWithFixedDelay(() -> {
            try {
                outbox.deliverDue();
            } catch (RuntimeException e) {
                // the failed attempt is retried on the next tick
            }
        }, 50, 50, TimeUnit.MILLISECONDS);
        return executor;
    }

    public Reply handle(IncomingRequest request) {
        String path = request.path();
        if (path.equals("/v1") || path.equals("/v1/")) {
            List<String> kinds = RunwareEndpoint.taskKinds(request);
            kinds.forEach(stats::request);
            return guarded("runware", RunwareEndpoint.requestKind(kinds), request, runware::handle);
        }
        if (path.startsWith("/videos/")) {
            stats.request("video.download");
            return guarded("video", "video.download", request, videos::serve);
        }
        if (path.equals("/.well-known/jwks.json")) {
            stats.httpRequest("emulator");
            return Reply.bytes(200, "application/json", signer.jwks());
        }
        if (path.equals("/__emulator/stats")) {
            stats.httpRequest("emulator");
            return Reply.text(200, "application/json", statsJson.get());
        }
        String kind = FalEndpoint.kind(request);
        stats.request(kind);
        return guarded("fal", kind, request, fal::handle);
    }

    private Reply guarded(String vendor, String kind, IncomingRequest request,
            Function<IncomingRequest, Reply> handler) {
        stats.httpRequest(vendor);
        if (!vendor.equals("video") && outages.isDown(vendor, config.clock().instant())) {
            stats.providerDownRejection(vendor);
            return FaultReplies.providerDown(vendor);
        }
        FaultPlan plan = faults.plan();
        Fault fault = faults.draw(vendor, kind);
        if (fault != null) {
            stats.faultInjected(fault);
            if (!fault.processesRequest()) {
                return FaultReplies.rejecting(fault, vendor, plan.retryAfter());
            }
        }
        stats.processed(vendor);
        Reply reply = handler.apply(request);
        return fault == null ? reply : FaultReplies.spoiling(fault, reply, plan.slowResponseDelay());
    }

    public void faults(FaultPlan plan) {
        faults.install(plan);
    }

    public FaultPlan faultPlan() {
        return faults.plan();
    }

    public void providerDown(String vendor, Duration duration) {
        outages.down(vendor, config.clock().instant(), duration);
    }

    public int deliverDueWebhooks() {
        return outbox.deliverDue();
    }

    public int pendingWebhooks() {
        return outbox.pending();
    }

    /** Brings fal billing up to the clock; call before reading or resetting stats. */
    public void settleBilling() {
        fal.settleBilling(config.clock().instant());
    }

    @Override
    public void close() {
        closed.set(true);
        if (deliveryThread != null) {
            deliveryThread.shutdownNow();
        }
        outbox.close();
    }
}
