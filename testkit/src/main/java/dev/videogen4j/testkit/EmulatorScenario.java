package dev.videogen4j.testkit;

import dev.videogen4j.VideoRequest;
import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link VendorScenario} of the bundled vendors, played by the {@link ProviderEmulator}: how Runware's and
 * fal's adapters pass the same provider contract as any plugin. Each scenario maps onto the emulator's own
 * controls: a scripted {@link Fault} for rate limits, malformed answers and dropped connections,
 * {@link ProviderEmulator#providerDown} for an outage, its prompt markers for failed jobs and refusals, and its
 * stats for what the vendor received, accepted and billed.
 *
 * <pre>{@code
 * class FalContractTest extends VideoProviderContractTest {
 *     protected VendorScenario startVendor(ScenarioSettings settings) { return EmulatorScenario.fal(settings); }
 *     // ...
 * }
 * }</pre>
 */
public final class EmulatorScenario implements VendorScenario {
    private final String vendor;
    private final Map<Operation, String> kinds;
    private final Set<ErrorKind> refusals;
    private final ProviderEmulator emulator;
    private final String baseUrl;
    private final String apiKey;

    private EmulatorScenario(String vendor, Map<Operation, String> kinds, Set<ErrorKind> refusals,
            ScenarioSettings settings) {
        this.vendor = vendor;
        this.kinds = kinds;
        this.refusals = refusals;
        this.emulator = ProviderEmulator.builder().clock(settings.clock()).seed(7L)
                .timing(settings.queue(), settings.run()).start();
        this.baseUrl = vendor.equals("fal") ? emulator.falQueueBaseUrl() : emulator.runwareBaseUrl();
        this.apiKey = vendor.equals("fal") ? emulator.falApiKey() : emulator.runwareApiKey();
    }

    /** Runware: submits and polls are tasks in one {@code POST /v1}; no cancel, no separate result call. */
    public static EmulatorScenario runware(ScenarioSettings settings) {
        return new EmulatorScenario("runware", Map.of(Operation.SUBMIT, "runware.videoInference",
                Operation.POLL, "runware.getResponse"), EnumSet.of(ErrorKind.INVALID_REQUEST), settings);
    }

    /**
     * fal's queue API: submit, status, result and cancel each have their own request. fal refuses no model input at
     * submit (it validates when the job runs, issue 13), so a content-policy refusal is no submit refusal here.
     */
    public static EmulatorScenario fal(ScenarioSettings settings) {
        return new EmulatorScenario("fal", Map.of(Operation.SUBMIT, "fal.submit", Operation.POLL, "fal.status",
                Operation.RESULT, "fal.result", Operation.CANCEL, "fal.cancel"),
                EnumSet.of(ErrorKind.INVALID_REQUEST), settings);
    }

    /** The emulator behind this scenario, for checks the scenario does not name. */
    public ProviderEmulator emulator() {
        return emulator;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    /**
     * Requests of the emulator's kind for {@code call}; for a call the vendor has no request for (Runware's cancel
     * and result), every request of the vendor's that is neither a submit nor a poll, so a stray call shows.
     */
    @Override
    public long requests(Operation call) {
        EmulatorStats stats = emulator.stats();
        String kind = kinds.get(call);
        if (kind != null) return stats.requests(kind);
        return stats.requestsByKind().entrySet().stream()
                .filter(e -> e.getKey().startsWith(vendor + ".") && !kinds.containsValue(e.getKey())
                        && !e.getKey().endsWith(".authentication"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public long httpRequests() {
        return emulator.stats().httpRequests(vendor);
    }

    @Override
    public long jobsAccepted() {
        return emulator.stats().jobsSubmitted(vendor);
    }

    @Override
    public long jobsBilled() {
        return emulator.stats().billableJobs(vendor);
    }

    /** The emulator fails a job whose prompt carries its {@code [emulator:fail]} marker. */
    @Override
    public VideoRequest failingJob(VideoRequest valid) {
        return RequestEdits.edit(valid, b -> b.prompt(valid.prompt() + " [emulator:fail]"));
    }

    /**
     * An invalid request is one with a duration the vendor does not offer (sent as is: the contract calls the
     * adapter directly, past core's validation); fal refuses a prompt with {@code [emulator:content-policy]}.
     */
    @Override
    public VideoRequest refusedAtSubmit(ErrorKind kind, VideoRequest valid) {
        switch (kind) {
            case INVALID_REQUEST:
                return RequestEdits.edit(valid, b -> b.durationSeconds(7));
            case CONTENT_POLICY:
                return RequestEdits.edit(valid, b -> b.prompt(valid.prompt() + " [emulator:content-policy]"));
            default:
                throw new IllegalArgumentException("the " + vendor + " emulator has no " + kind + " refusal");
        }
    }

    @Override
    public Set<ErrorKind> refusals() {
        return refusals;
    }

    @Override
    public void rateLimitNext(Operation call, Duration retryAfter) {
        emulator.faults(emulator.faults().newBuilder().retryAfter(retryAfter).next(Fault.HTTP_429, kind(call)).build());
    }

    @Override
    public void outage(Duration length) {
        emulator.providerDown(vendor, length);
    }

    @Override
    public void malformedAnswerNext(Operation call) {
        emulator.faults(emulator.faults().newBuilder().next(Fault.MALFORMED_JSON, kind(call)).build());
    }

    @Override
    public void dropAfterProcessingNext(Operation call) {
        emulator.faults(emulator.faults().newBuilder().next(Fault.RESET_AFTER_REQUEST, kind(call)).build());
    }

    /** The emulator POSTs what is due when asked: with a {@code MutableClock} nothing goes out on its own. */
    @Override
    public int deliverWebhooks() {
        return emulator.deliverDueWebhooks();
    }

    private String kind(Operation call) {
        return Objects.requireNonNull(kinds.get(call), () -> vendor + " has no " + call.label() + " request");
    }

    @Override
    public void close() {
        emulator.close();
    }

    @Override
    public String toString() {
        return "EmulatorScenario[" + vendor + " at " + baseUrl + "]";
    }
}
