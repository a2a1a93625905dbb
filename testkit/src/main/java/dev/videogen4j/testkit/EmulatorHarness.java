package dev.videogen4j.testkit;

import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The whole client on one vendor of the {@link ProviderEmulator}, in virtual time: the emulator, the clients and
 * the scheduler share one {@link MutableClock}, provider calls run on the test's thread, and every wait (polls,
 * backoff, deadlines, the breaker's open period) passes in virtual time. It records the circuit breaker's
 * transitions and the retries the listener saw. {@link VideoProviderContractTest} builds one for the provider it
 * tests; {@link #runware} and {@link #fal} are for an adapter's own tests.
 *
 * <pre>{@code
 * try (EmulatorHarness h = EmulatorHarness.fal(Duration.ZERO, Duration.ofSeconds(5))) {
 *     h.emulator().faults(FaultPlan.builder().next(Fault.HTTP_503, h.submitKind()).build());
 *     VideoClient client = h.build(h.client());
 *     VideoResult r = h.complete(client.generateAsync(EmulatorHarness.request(1), Duration.ofMinutes(5)));
 *     assertEquals(1, h.emulator().stats().billableJobs("fal"));
 *     assertEquals(List.of("submit PT0.5S"), h.retries());
 * }
 * }</pre>
 */
public final class EmulatorHarness implements AutoCloseable {
    private final String vendor;
    private final String apiKey;
    private final String baseUrl;
    private final String submitKind;
    private final String pollKind;
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ProviderEmulator emulator;
    private final ResilienceRecorder recorder = new ResilienceRecorder();
    private final List<VideoClient> clients = new ArrayList<>();

    private EmulatorHarness(String vendor, Function<ProviderEmulator, String> baseUrl,
            Function<ProviderEmulator, String> apiKey, String submitKind, String pollKind, Duration queue,
            Duration run) {
        this.vendor = vendor;
        this.submitKind = submitKind;
        this.pollKind = pollKind;
        this.emulator = ProviderEmulator.builder().clock(clock).seed(42L).timing(queue, run).start();
        this.baseUrl = baseUrl.apply(emulator);
        this.apiKey = apiKey.apply(emulator);
    }

    /** Runware on the emulator; every job queues {@code queue} then runs {@code run} of virtual time. */
    public static EmulatorHarness runware(Duration queue, Duration run) {
        return new EmulatorHarness("runware", ProviderEmulator::runwareBaseUrl, ProviderEmulator::runwareApiKey,
                "runware.videoInference", "runware.getResponse", queue, run);
    }

    /** fal on the emulator; every job queues {@code queue} then runs {@code run} of virtual time. */
    public static EmulatorHarness fal(Duration queue, Duration run) {
        return new EmulatorHarness("fal", ProviderEmulator::falQueueBaseUrl, ProviderEmulator::falApiKey,
                "fal.submit", "fal.status", queue, run);
    }

    public ProviderEmulator emulator() {
        return emulator;
    }

    public MutableClock clock() {
        return clock;
    }

    public VirtualScheduler scheduler() {
        return scheduler;
    }

    /** Circuit breaker transitions seen, as {@code FROM->TO}. */
    public List<String> circuit() {
        return recorder.circuit();
    }

    /** Retries seen, as {@code operation wait}, e.g. {@code submit PT3S}. */
    public List<String> retries() {
        return recorder.retries();
    }

    /** The emulator's request kind for this vendor's submit ({@code runware.videoInference}, {@code fal.submit}). */
    public String submitKind() {
        return submitKind;
    }

    /** The emulator's request kind for this vendor's status poll. */
    public String pollKind() {
        return pollKind;
    }

    /** A client builder on this vendor of the emulator, in virtual time; add settings, then {@link #build}. */
    public VideoClientBuilder client() {
        return VideoClient.builder()
                .provider(vendor)
                .apiKey(vendor, apiKey)
                .baseUrl(vendor, baseUrl)
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .listener(recorder);
    }

    /** Builds the client and closes it with the harness. */
    public VideoClient build(VideoClientBuilder builder) {
        VideoClient c = Objects.requireNonNull(builder, "builder == null").build();
        clients.add(c);
        return c;
    }

    /** Runs virtual time until {@code f} is done (at most an hour of it); returns its value or throws its failure. */
    public <T> T complete(CompletableFuture<T> f) {
        if (!scheduler.runUntil(f::isDone, Duration.ofHours(1))) {
            throw new AssertionError("not done within an hour of virtual time");
        }
        return Completion.join(f);
    }

    /** Runs virtual time until every future is done (at most two hours of it). */
    public void completeAll(List<? extends CompletableFuture<?>> futures) {
        if (!scheduler.runUntil(() -> futures.stream().allMatch(CompletableFuture::isDone), Duration.ofHours(2))) {
            throw new AssertionError("not all done within two hours of virtual time");
        }
    }

    /** A valid image-to-video request for both vendors; {@code n} makes its prompt (and so its body) unique. */
    public static ImageToVideoRequest request(int n) {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A slow cinematic glide through an ancient clocktower chamber, take " + n)
                .image(ImageInput.url("https://example.com/inputs/first-frame.jpg"))
                .durationSeconds(5).build();
    }

    @Override
    public void close() {
        clients.forEach(VideoClient::close);
        emulator.close();
        // The virtual scheduler keeps what a background task threw; a real one would hide it in a future.
        if (!scheduler.failures().isEmpty()) {
            throw new AssertionError("a scheduled task failed: " + scheduler.failures(), scheduler.failures().get(0));
        }
    }
}
