package dev.videogen4j.jobs.jdbc.instances;

import dev.videogen4j.emulator.JobRequest;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The vendor's side (the emulator's billed jobs and per-job request log) against the store's records: what a user
 * who pays per job would count after a crash.
 *
 * @param records         every record in the store
 * @param billed          billed job ids per vendor
 * @param billedNoHandle  billed jobs of each vendor with no record holding their vendor job id
 * @param submitsPerJob   jobs the vendor accepted more than once (Runware refuses a re-used taskUUID; counted too)
 * @param overlappingPolls polls of one job that arrived while an earlier poll of it was still being answered
 */
record Reconciliation(List<JobRecord> records, Map<String, Set<String>> billed,
                      Map<String, List<String>> billedNoHandle, long duplicateSubmissions, int overlappingPolls,
                      Map<RecordState, Long> byState) {

    static Reconciliation of(JobStore store, ProviderEmulator emulator, long latencyNanos) {
        List<JobRecord> records = store.findByState(EnumSet.allOf(RecordState.class), 1_000_000);
        Map<String, Set<String>> billed = new TreeMap<>();
        Map<String, List<String>> missing = new TreeMap<>();
        for (String vendor : List.of("runware", "fal")) {
            Set<String> ids = emulator.billedJobIds(vendor);
            Set<String> handles = new HashSet<>();
            records.stream().filter(r -> r.providerId().equals(vendor) && r.nativeJobId() != null)
                    .forEach(r -> handles.add(r.nativeJobId()));
            billed.put(vendor, ids);
            missing.put(vendor, ids.stream().filter(id -> !handles.contains(id)).sorted().toList());
        }
        long duplicates = emulator.stats().duplicateSubmissions("runware") + emulator.stats().duplicateSubmissions("fal");
        Map<RecordState, Long> byState = new TreeMap<>(records.stream()
                .collect(Collectors.groupingBy(JobRecord::state, Collectors.counting())));
        return new Reconciliation(records, billed, missing, duplicates, overlaps(emulator.jobRequests(), latencyNanos),
                byState);
    }

    /** Polls of one job less than the answer latency apart: two polls in flight at once. */
    static int overlaps(List<JobRequest> log, long latencyNanos) {
        Map<String, List<Long>> polls = new TreeMap<>();
        for (JobRequest r : log) {
            if (r.isPoll()) {
                polls.computeIfAbsent(r.vendor() + ":" + r.jobId(), k -> new ArrayList<>()).add(r.arrivedNanos());
            }
        }
        int overlaps = 0;
        for (List<Long> times : polls.values()) {
            times.sort(Long::compare);
            for (int i = 1; i < times.size(); i++) {
                if (times.get(i) - times.get(i - 1) < latencyNanos) {
                    overlaps++;
                }
            }
        }
        return overlaps;
    }

    /** Records neither ended nor an UNCERTAIN submit without a handle: work the instances still owe. */
    int unsettled() {
        return (int) records.stream().filter(x -> !x.state().isTerminal()
                && !(x.state() == RecordState.UNCERTAIN && x.nativeJobId() == null)).count();
    }

    int billedWithoutHandle() {
        return billedNoHandle.values().stream().mapToInt(List::size).sum();
    }

    String summary() {
        return "billed " + billed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", ")) + "; billed without a record holding its handle: "
                + billedNoHandle.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size())
                .collect(Collectors.joining(", ")) + "; records " + records.size() + " " + byState
                + "; duplicate submissions " + duplicateSubmissions + "; overlapping polls " + overlappingPolls;
    }
}
