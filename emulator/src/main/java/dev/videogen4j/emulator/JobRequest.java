package dev.videogen4j.emulator;

import java.util.Objects;

/**
 * One request the emulator received about one job: its submit, a poll, a result fetch, a cancel. The emulator keeps
 * them in arrival order ({@link ProviderEmulator#jobRequests()}), so a test can prove from the vendor's side how a
 * job was handled — for example that no two polls of one job were ever in flight at once.
 *
 * <pre>{@code
 * Map<String, List<JobRequest>> byJob = emu.jobRequests().stream()
 *         .collect(Collectors.groupingBy(JobRequest::jobId));
 * }</pre>
 *
 * @param vendor {@code "runware"} or {@code "fal"}
 * @param jobId the Runware taskUUID or the fal request id
 * @param kind as in {@link EmulatorStats}: {@code runware.getResponse}, {@code fal.status}, {@code fal.submit}, ...
 * @param arrivedNanos {@link System#nanoTime()} when the request was handled; its answer leaves after the
 *     configured latency
 */
public record JobRequest(String vendor, String jobId, String kind, long arrivedNanos) {
    public JobRequest {
        Objects.requireNonNull(vendor, "vendor == null");
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(kind, "kind == null");
    }

    /** A poll of the job's state ({@code runware.getResponse}, {@code fal.status}). */
    public boolean isPoll() {
        return kind.equals("runware.getResponse") || kind.equals("fal.status");
    }
}
