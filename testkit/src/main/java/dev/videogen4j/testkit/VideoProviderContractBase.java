package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every part of the provider contract shares: the hooks an adapter answers (which provider, what a valid
 * request looks like, what it can do) and the emulator, clients and virtual time the tests run on. Adapters do not
 * extend this class but {@link VideoProviderContractTest}, which holds every part of the contract.
 *
 * <pre>{@code
 * class AcmeContractTest extends VideoProviderContractTest {
 *     protected String providerId() { return "fal"; }          // also the emulator's vendor name
 *     protected String baseUrl(ProviderEmulator e) { return e.falQueueBaseUrl(); }
 *     protected String apiKey(ProviderEmulator e) { return e.falApiKey(); }
 *     // ... textToVideo(), imageToVideo(), submitKind(), pollKind(); capability hooks where the default is wrong
 * }
 * }</pre>
 */
public abstract class VideoProviderContractBase {
    protected static final Duration QUEUE = Duration.ofSeconds(4);
    protected static final Duration RUN = Duration.ofSeconds(6);
    private static final Duration LIMIT = Duration.ofMinutes(30);

    protected MutableClock clock;
    protected VirtualScheduler scheduler;
    protected ProviderEmulator emulator;
    protected final List<JobStatus> statuses = new CopyOnWriteArrayList<>();
    protected final List<Duration> retryWaits = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfterTest = new ArrayList<>();

    /** The provider id, which is also the emulator's vendor name ({@code runware}, {@code fal}). */
    protected abstract String providerId();

    protected abstract String baseUrl(ProviderEmulator emulator);

    protected abstract String apiKey(ProviderEmulator emulator);

    /** A valid text-to-video request for this provider (unused when {@link #supportsTextToVideo()} is false). */
    protected abstract TextToVideoRequest textToVideo();

    /** A valid image-to-video request for this provider. */
    protected abstract ImageToVideoRequest imageToVideo();

    /** The emulator's request kind for a submit ({@code runware.videoInference}, {@code fal.submit}). */
    protected abstract String submitKind();

    /** The emulator's request kind for a status poll ({@code runware.getResponse}, {@code fal.status}). */
    protected abstract String pollKind();

    /** The emulator's request kind for a cancel; never requested when {@link #supportsCancel()} is false. */
    protected String cancelKind() {
        return providerId() + ".cancel";
    }

    protected boolean supportsTextToVideo() {
        return true;
    }

    protected boolean supportsCancel() {
        return true;
    }

    /** Whether the provider reports a queued state before running (Runware only says "processing"). */
    protected boolean reportsQueuedState() {
        return true;
    }

    /**
     * Whether the provider de-duplicates a resent submit (Runware's taskUUID), as its adapter declares in
     * {@code VideoProvider.deduplicatesSubmits()}: then a submit whose outcome a fault hid is resent and ends in one
     * job; otherwise it is never resent and ends in {@code SubmissionUncertainException}.
     */
    protected boolean deduplicatesSubmits() {
        return false;
    }

    @BeforeEach
    void startEmulator() {
        clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        scheduler = new VirtualScheduler(clock);
        emulator = ProviderEmulator.builder().clock(clock).seed(7L).timing(QUEUE, RUN).start();
    }

    @AfterEach
    void stopEmulator() throws Exception {
        for (AutoCloseable c : closeAfterTest) c.close();
        emulator.close();
    }

    /** A client on the emulator, in virtual time, with the given key. Override to add settings. */
    protected VideoClientBuilder clientBuilder(String key) {
        return VideoClient.builder()
                .provider(providerId())
                .apiKey(providerId(), key)
                .baseUrl(providerId(), baseUrl(emulator))
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1))
                .listener(new VideoJobListener() {
                    @Override
                    public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
                        statuses.add(to);
                    }

                    @Override
                    public void onRetry(String provider, String operation, int attempt, Throwable cause, Duration wait) {
                        retryWaits.add(wait);
                    }
                });
    }

    protected VideoClient client() {
        return track(clientBuilder(apiKey(emulator)).build());
    }

    /** Closes {@code c} after the test. */
    protected <T extends AutoCloseable> T track(T c) {
        closeAfterTest.add(c);
        return c;
    }

    /**
     * This provider on an emulator of its own whose jobs queue {@code queue} and run {@code run}, for tests whose
     * figures depend on that timing; closed after the test.
     */
    protected EmulatorHarness harness(Duration queue, Duration run) {
        return track(EmulatorHarness.of(this, queue, run));
    }

    /** {@link #imageToVideo()} with a prompt (so a body) of its own: the emulator counts equal bodies as resends. */
    protected ImageToVideoRequest request(int n) {
        ImageToVideoRequest r = imageToVideo();
        return r.toBuilder().prompt(r.prompt() == null ? "take " + n : r.prompt() + ", take " + n).build();
    }

    /** Drives virtual time until the future completes, then returns its value or throws its failure. */
    protected <T> T complete(CompletableFuture<T> f) {
        assertTrue(scheduler.runUntil(f::isDone, LIMIT), "did not complete within " + LIMIT + " of virtual time");
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
            throw e;
        }
    }

    protected VideoResult generate(VideoClient c, VideoRequest r) {
        return complete(c.generateAsync(r, Duration.ofMinutes(20)));
    }
}
