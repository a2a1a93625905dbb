package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every part of the provider contract shares: the hooks a plugin answers (which provider, what a valid
 * request looks like, what the provider can do), the plugin's test server ({@link VendorScenario}) started per
 * test on a {@link MutableClock}, and the adapter itself, made by the plugin's own {@link VideoProviderFactory} as
 * {@link ServiceLoader} finds it. Plugins do not extend this class but {@link VideoProviderContractTest}.
 *
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {
 *     protected String providerId() { return "acme"; }
 *     protected VendorScenario startVendor(ScenarioSettings s) { return new AcmeTestServer(s); }
 *     protected ImageToVideoRequest imageToVideo() { return ImageToVideoRequest.builder()...build(); }
 *     protected boolean supportsTextToVideo() { return false; }   // capability hooks: what Acme can do
 * }
 * }</pre>
 *
 * <p>A capability hook switches an optional behaviour's tests on or off, and one test checks that the adapter
 * declares the same capabilities ({@code supportsCancel()}, {@code deduplicatesSubmits()}, the workflow and batch
 * interfaces): a hook cannot be used to skip what the adapter claims to do.
 */
public abstract class VideoProviderContractBase {
    /** How long each job of the test server queues, then runs. */
    protected static final Duration QUEUE = Duration.ofSeconds(4);
    protected static final Duration RUN = Duration.ofSeconds(6);

    protected MutableClock clock;
    protected VirtualScheduler scheduler;
    protected VendorScenario vendor;
    protected VideoProvider provider;
    private final List<AutoCloseable> closeAfterTest = new ArrayList<>();

    /** The provider id: the plugin factory's {@link VideoProviderFactory#id()}. */
    protected abstract String providerId();

    /** Starts the plugin's test server for one test; the contract closes it afterwards. */
    protected abstract VendorScenario startVendor(ScenarioSettings settings);

    /** A valid image-to-video request for this provider (unused when {@link #supportsImageToVideo()} is false). */
    protected ImageToVideoRequest imageToVideo() {
        throw new UnsupportedOperationException("override imageToVideo() or make supportsImageToVideo() false");
    }

    /** A valid text-to-video request for this provider (unused when {@link #supportsTextToVideo()} is false). */
    protected TextToVideoRequest textToVideo() {
        throw new UnsupportedOperationException("override textToVideo() or make supportsTextToVideo() false");
    }

    /** Capability hook: the adapter implements {@link ImageToVideo}. */
    protected boolean supportsImageToVideo() {
        return true;
    }

    /** Capability hook: the adapter implements {@link TextToVideo}. */
    protected boolean supportsTextToVideo() {
        return true;
    }

    /** Capability hook: the vendor can cancel a job ({@link VideoProvider#supportsCancel()}). */
    protected boolean supportsCancel() {
        return true;
    }

    /** Capability hook: a resent submit with the same submission id never makes a second job. */
    protected boolean deduplicatesSubmits() {
        return false;
    }

    /** Capability hook: the vendor reports a queued state before running (Runware only says "processing"). */
    protected boolean reportsQueuedState() {
        return true;
    }

    /** Capability hook: the vendor reports what a finished job cost. */
    protected boolean reportsCost() {
        return false;
    }

    /** Capability hook: the adapter polls many jobs in one call ({@link dev.videogen4j.spi.BatchPoller}). */
    protected boolean supportsBatchPolling() {
        return false;
    }

    /** Capability hook: the adapter submits many jobs in one call ({@link dev.videogen4j.spi.BatchSubmitter}). */
    protected boolean supportsBatchSubmits() {
        return false;
    }

    /** Capability hook: the vendor POSTs a webhook when a job ends ({@link VendorScenario#deliverWebhooks()}). */
    protected boolean supportsWebhooks() {
        return false;
    }

    /**
     * The plugin's webhook parser (and verifier) applied to what the vendor POSTed; needed when
     * {@link #supportsWebhooks()} is on.
     */
    protected WebhookEvent parseWebhook(ReceivedWebhook webhook) {
        throw new UnsupportedOperationException("override parseWebhook(...) or make supportsWebhooks() false");
    }

    /** The request most tests submit: image-to-video when the provider does it, else text-to-video. */
    protected VideoRequest validRequest() {
        return supportsImageToVideo() ? imageToVideo() : textToVideo();
    }

    @BeforeEach
    void startVendorAndAdapter() {
        clock = MutableClock.startingAt(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        scheduler = new VirtualScheduler(clock);
        vendor = track(startVendor(new ScenarioSettings(clock, QUEUE, RUN)));
        provider = track(adapter(vendor.apiKey()));
    }

    @AfterEach
    void stopVendor() throws Exception {
        for (int i = closeAfterTest.size() - 1; i >= 0; i--) closeAfterTest.get(i).close();
        closeAfterTest.clear();
        assertEquals(List.of(), scheduler.failures(), "no scheduled task failed");
    }

    /** Closes {@code c} after the test, before the test server stops. */
    protected <T extends AutoCloseable> T track(T c) {
        closeAfterTest.add(c);
        return c;
    }

    /** The plugin's factory, found the way applications find it. */
    protected VideoProviderFactory factory() {
        for (VideoProviderFactory f : ServiceLoader.load(VideoProviderFactory.class)) {
            if (f.id().equals(providerId())) return f;
        }
        return fail("no VideoProviderFactory with id '" + providerId() + "' in any"
                + " META-INF/services/dev.videogen4j.spi.VideoProviderFactory on the class path");
    }

    /** A new adapter on the test server with {@code key}, through the plugin's factory; closed after the test. */
    protected VideoProvider adapter(String key) {
        return track(factory().create(new ProviderConfig(providerId(), ApiKey.of(key), vendor.baseUrl(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Map.of(), clock)));
    }

    /** The catalog model {@code request} names, as core would resolve it. */
    protected ModelCapabilities model(VideoRequest request) {
        return provider.models().stream().filter(m -> m.answersTo(request.model())).findFirst()
                .orElseGet(() -> fail("the catalog has no model answering to '" + request.model() + "'"));
    }

    /** A context as core makes one for a new job. */
    protected SubmitContext context(VideoRequest request) {
        return new SubmitContext(model(request), UUID.randomUUID().toString());
    }

    /** One submit straight to the adapter, as core's engine makes it. */
    protected SubmitReceipt submit(VideoProvider p, VideoRequest request, SubmitContext context) {
        if (request instanceof TextToVideoRequest t) return ((TextToVideo) p).submit(t, context);
        return ((ImageToVideo) p).submit((ImageToVideoRequest) request, context);
    }

    protected SubmitReceipt submit(VideoRequest request) {
        return submit(provider, request, context(request));
    }

    /** Moves the test server's time on by {@code d}. */
    protected void advance(Duration d) {
        clock.advance(d);
    }

    /** Polls once; when the job ended well, makes sure the output is there (from the poll or a result call). */
    protected JobUpdate poll(JobId id) {
        return provider.poll(id);
    }

    /** Advances past the job's queue and run, then polls: the job must have ended. */
    protected JobUpdate pollAfterTheJobEnded(JobId id) {
        advance(QUEUE.plus(RUN).plusSeconds(1));
        JobUpdate u = provider.poll(id);
        assertTrue(u.status().state().isTerminal(), "the job ended after queue + run: " + u.status());
        return u;
    }

    /** The output of a job that succeeded: what the poll carried, else one result call. */
    protected ProviderOutput output(JobId id, JobUpdate succeeded) {
        assertEquals(JobState.SUCCEEDED, succeeded.status().state(), "the job succeeded: " + succeeded.status());
        return succeeded.output() != null ? succeeded.output() : provider.result(id);
    }
}
