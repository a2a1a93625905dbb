package dev.videogen4j.emulator;

import dev.videogen4j.emulator.internal.Json;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of what the emulator has seen and charged since it started (or since
 * {@link ProviderEmulator#resetStats()}). Also served as JSON at {@code GET /__emulator/stats}.
 *
 * <pre>{@code
 * EmulatorStats stats = emu.stats();
 * assertEquals(1, stats.billableJobs("runware"));
 * assertEquals(new BigDecimal("0.21"), stats.moneyCharged("runware"));
 * assertEquals(0, stats.duplicateSubmissions("fal"));
 * System.out.println(stats.toJson());
 * }</pre>
 *
 * <p>Vendors are {@code "runware"} and {@code "fal"} ({@code "video"} and {@code "emulator"} for
 * downloads and the emulator's own endpoints). Request kinds: {@code runware.videoInference},
 * {@code runware.getResponse}, {@code runware.authentication} (counted per task in the array),
 * {@code fal.submit}, {@code fal.status}, {@code fal.stream}, {@code fal.result}, {@code
 * fal.cancel}, {@code video.download}, {@code webhook.delivery} (one per POST attempt). Requests
 * are counted when they arrive, even if a fault or an outage then rejects them; {@link
 * #requestsProcessed(String)} counts only those the emulator acted on.
 *
 * <p>Billing follows each vendor: a Runware job is billable once its submit is accepted; a fal
 * job once it starts running (a job cancelled while queued, timed out before starting, or failing
 * with a 5xx is never billed). The fal side is settled against the clock when the snapshot is taken.
 */
public final class EmulatorStats {
    private final Map<String, Long> requests;
    private final Map<String, Long> httpRequests;
    private final Map<String, Long> processed;
    private final Map<Fault, Long> faults;
    private final Map<String, Long> providerDown;
    private final Map<String, Long> submitted;
    private final Map<String, Long> billable;
    private final Map<String, Map<String, Long>> billableByModel;
    private final Map<String, Long> duplicates;
    private final Map<String, Long> refused;
    private final Map<String, BigDecimal> money;
    private final Map<String, Long> webhooksDelivered;
    private final Map<String, Long> webhookFailures;
    private final Map<String, Long> webhooksAbandoned;

    EmulatorStats(Map<String, Long> requests, Map<String, Long> httpRequests,
            Map<String, Long> processed, Map<Fault, Long> faults, Map<String, Long> providerDown,
            Map<String, Long> submitted, Map<String, Long> billable,
            Map<String, Map<String, Long>> billableByModel, Map<String, Long> duplicates, Map<String, Long> refused,
            Map<String, BigDecimal> money, Map<String, Long> webhooksDelivered,
            Map<String, Long> webhookFailures, Map<String, Long> webhooksAbandoned) {
        this.requests = Collections.unmodifiableMap(requests);
        this.httpRequests = Collections.unmodifiableMap(httpRequests);
        this.processed = Collections.unmodifiableMap(processed);
        this.faults = Collections.unmodifiableMap(faults);
        this.providerDown = Collections.unmodifiableMap(providerDown);
        this.submitted = Collections.unmodifiableMap(submitted);
        this.billable = Collections.unmodifiableMap(billable);
        this.billableByModel = Collections.unmodifiableMap(billableByModel);
        this.duplicates = Collections.unmodifiableMap(duplicates);
        this.refused = Collections.unmodifiableMap(refused);
        this.money = Collections.unmodifiableMap(money);
        this.webhooksDelivered = Collections.unmodifiableMap(webhooksDelivered);
        this.webhookFailures = Collections.unmodifiableMap(webhookFailures);
        this.webhooksAbandoned = Collections.unmodifiableMap(webhooksAbandoned);
    }

    /** Requests of one kind, e.g. {@code "fal.status"} or {@code "runware.getResponse"}. */
    public long requests(String kind) {
        return requests.getOrDefault(kind, 0L);
    }

    /** All request counts by kind, sorted by kind. */
    public Map<String, Long> requestsByKind() {
        return requests;
    }

    /** HTTP requests that arrived for {@code vendor}, whatever happened to them. */
    public long httpRequests(String vendor) {
        return httpRequests.getOrDefault(vendor, 0L);
    }

    /** HTTP requests for {@code vendor} that the emulator acted on (see {@link Fault}). */
    public long requestsProcessed(String vendor) {
        return processed.getOrDefault(vendor, 0L);
    }

    public long faultsInjected(Fault fault) {
        return faults.getOrDefault(fault, 0L);
    }

    /** All injected faults, any kind. */
    public long faultsInjected() {
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests answered 503 because of {@link ProviderEmulator#providerDown}. */
    public long providerDownRejections(String vendor) {
        return providerDown.getOrDefault(vendor, 0L);
    }

    /** Submits the vendor accepted (a Runware task acknowledged, a fal request id issued). */
    public long jobsSubmitted(String vendor) {
        return submitted.getOrDefault(vendor, 0L);
    }

    public long billableJobs(String vendor) {
        return billable.getOrDefault(vendor, 0L);
    }

    /** Billable jobs for one native model ({@code "klingai:6@0"}) or fal endpoint id. */
    public long billableJobs(String vendor, String model) {
        return billableByModel.getOrDefault(vendor, Map.of()).getOrDefault(model, 0L);
    }

    /**
     * Accepted submits whose content equals that of a submit accepted earlier since the start (or the last
     * {@link ProviderEmulator#resetStats()}), each a second job billed for the same content. Precisely: Runware counts
     * a task accepted under a new {@code taskUUID} whose other fields equal an accepted task's (what a client that
     * makes a new taskUUID per retry sends; the same taskUUID again is refused, see {@link #refusedResubmissions});
     * fal counts a submit whose body is byte-identical to an earlier accepted one on the same endpoint.
     *
     * <p>The emulator cannot tell a client's resend from a deliberate repeat: two runs of the same request against
     * one emulator count here too. Vary the prompt per run, or {@link ProviderEmulator#resetStats() reset} between
     * runs, when only resends should show.
     */
    public long duplicateSubmissions(String vendor) {
        return duplicates.getOrDefault(vendor, 0L);
    }

    /**
     * Resends the vendor refused because it already had the job: Runware answers a re-used taskUUID with
     * {@code conflictTaskUUID} and creates nothing. This is the safe way to retry an uncertain submit.
     */
    public long refusedResubmissions(String vendor) {
        return refused.getOrDefault(vendor, 0L);
    }

    /** USD charged for billable jobs (price per second × seconds × results), e.g. 0.21, not 0.210. */
    public BigDecimal moneyCharged(String vendor) {
        return Json.plain(money.getOrDefault(vendor, BigDecimal.ZERO));
    }

    public long webhooksDelivered(String vendor) {
        return webhooksDelivered.getOrDefault(vendor, 0L);
    }

    /** Webhook POSTs that got a non-2xx answer or no answer. */
    public long webhookFailedAttempts(String vendor) {
        return webhookFailures.getOrDefault(vendor, 0L);
    }

    /** Webhooks given up on after the last retry. */
    public long webhooksAbandoned(String vendor) {
        return webhooksAbandoned.getOrDefault(vendor, 0L);
    }

    /** This snapshot as a JSON object (what {@code GET /__emulator/stats} returns). */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests);
        json.put("httpRequests", httpRequests);
        json.put("processedRequests", processed);
        Map<String, Long> faultsByName = new TreeMap<>();
        faults.forEach((fault, count) -> faultsByName.put(fault.name(), count));
        json.put("faultsInjected", faultsByName);
        json.put("providerDownRejections", providerDown);
        json.put("jobsSubmitted", submitted);
        json.put("billableJobs", billable);
        json.put("billableJobsByModel", billableByModel);
        json.put("duplicateSubmissions", duplicates);
        json.put("refusedResubmissions", refused);
        Map<String, Object> moneyJson = new TreeMap<>();
        money.forEach((vendor, amount) -> moneyJson.put(vendor, Json.plain(amount)));
        json.put("moneyCharged", moneyJson);
        json.put("webhooksDelivered", webhooksDelivered);
        json.put("webhookFailedAttempts", webhookFailures);
        json.put("webhooksAbandoned", webhooksAbandoned);
        return Json.writeString(json);
    }

    @Override
    public String toString() {
        return "EmulatorStats" + toJson();
    }
}
