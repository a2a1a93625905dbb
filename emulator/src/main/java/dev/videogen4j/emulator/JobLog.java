package dev.videogen4j.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which jobs were billed, when each job ends and every request about a job, for tests that reconcile the vendor's
 * side with a store and benchmarks that time how soon a client learns of an end.
 */
final class JobLog {
    private final ConcurrentLinkedQueue<JobRequest> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<String>> billed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> ends = new ConcurrentHashMap<>();

    void accepted(String vendor, String jobId, Instant endsAt) {
        ends.computeIfAbsent(vendor, v -> new ConcurrentHashMap<>()).put(jobId, endsAt);
    }

    Map<String, Instant> ends(String vendor) {
        return Map.copyOf(ends.getOrDefault(vendor, Map.of()));
    }

    void request(String vendor, String jobId, String kind) {
        requests.add(new JobRequest(vendor, jobId, kind, System.nanoTime()));
    }

    void billed(String vendor, String jobId) {
        billed.computeIfAbsent(vendor, v -> ConcurrentHashMap.newKeySet()).add(jobId);
    }

    List<JobRequest> requests() {
        return List.copyOf(new ArrayList<>(requests));
    }

    Set<String> billed(String vendor) {
        return new TreeSet<>(billed.getOrDefault(vendor, Set.of()));
    }

    void reset() {
        requests.clear();
        billed.clear();
        ends.clear();
    }
}
