package dev.videogen4j.emulator;

import dev.videogen4j.emulator.internal.StatsSink;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters behind {@link EmulatorStats}; a snapshot copies them. */
final class StatsRecorder implements StatsSink {
    private final Counters requests = new Counters();
    private final Counters httpRequests = new Counters();
    private final Counters processed = new Counters();
    private final Counters faults = new Counters();
    private final Counters providerDown = new Counters();
    private final Counters submitted = new Counters();
    private final Counters billable = new Counters();
    private final Counters billableByModel = new Counters();
    private final Counters duplicates = new Counters();
    private final Counters refused = new Counters();
    private final Counters webhooksDelivered = new Counters();
    private final Counters webhookFailures = new Counters();
    private final Counters webhooksAbandoned = new Counters();
    private final Map<String, BigDecimal> money = new ConcurrentHashMap<>();
    final JobLog jobs = new JobLog();

    @Override public void jobRequest(String vendor, String jobId, String kind) { jobs.request(vendor, jobId, kind); }
    @Override public void jobAccepted(String vendor, String jobId, java.time.Instant endsAt) { jobs.accepted(vendor, jobId, endsAt); }

    @Override public void request(String kind) { requests.add(kind); }
    @Override public void httpRequest(String vendor) { httpRequests.add(vendor); }
    @Override public void processed(String vendor) { processed.add(vendor); }
    @Override public void faultInjected(Fault fault) { faults.add(fault.name()); }
    @Override public void providerDownRejection(String vendor) { providerDown.add(vendor); }
    @Override public void jobSubmitted(String vendor) { submitted.add(vendor); }
    @Override public void duplicateSubmission(String vendor) { duplicates.add(vendor); }
    @Override public void refusedResubmission(String vendor) { refused.add(vendor); }

    @Override
    public void billable(String vendor, String model, String jobId, BigDecimal amount) {
        billable.add(vendor);
        jobs.billed(vendor, jobId);
        billableByModel.add(vendor + "\n" + model);
        money.merge(vendor, amount, BigDecimal::add);
    }

    @Override
    public void webhookAttempt(String vendor, boolean delivered, boolean abandoned) {
        requests.add("webhook.delivery");
        (delivered ? webhooksDelivered : webhookFailures).add(vendor);
        if (abandoned) {
            webhooksAbandoned.add(vendor);
        }
    }

    EmulatorStats snapshot() {
        Map<Fault, Long> faultCounts = new EnumMap<>(Fault.class);
        faults.copy().forEach((name, count) -> faultCounts.put(Fault.valueOf(name), count));
        Map<String, Map<String, Long>> byModel = new TreeMap<>();
        billableByModel.copy().forEach((key, count) -> {
            String[] vendorAndModel = key.split("\n", 2);
            byModel.computeIfAbsent(vendorAndModel[0], v -> new TreeMap<>()).put(vendorAndModel[1], count);
        });
        return new EmulatorStats(requests.copy(), httpRequests.copy(), processed.copy(), faultCounts,
                providerDown.copy(), submitted.copy(), billable.copy(), byModel, duplicates.copy(), refused.copy(),
                new TreeMap<>(money), webhooksDelivered.copy(), webhookFailures.copy(),
                webhooksAbandoned.copy());
    }

    void reset() {
        for (Counters counters : new Counters[] {requests, httpRequests, processed, faults,
                providerDown, submitted, billable, billableByModel, duplicates, refused, webhooksDelivered,
                webhookFailures, webhooksAbandoned}) {
            counters.values.clear();
        }
        money.clear();
        jobs.reset();
    }

    private static final class Counters {
        final Map<String, LongAdder> values = new ConcurrentHashMap<>();

        void add(String key) {
            values.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        Map<String, Long> copy() {
            Map<String, Long> copy = new TreeMap<>();
            values.forEach((key, adder) -> copy.put(key, adder.sum()));
            return copy;
        }
    }
}
