package dev.videogen4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload the way B2–B4 measure it: a fresh emulator process, and the client in a worker process of
 * its own with {@code -Xmx512m}, whose figures come back as one JSON line; the request counts come from the
 * emulator afterwards.
 *
 * <pre>{@code
 * ScaleSuite.Run run = ScaleSuite.videogen4j(workload);
 * double perJob = run.requestsPerJob();
 * }</pre>
 */
final class ScaleSuite {
    static final List<String> WORKER_JVM = List.of("-Xmx512m");

    private ScaleSuite() {
    }

    /**
     * A run's figures, its emulator counters and the emulator process's CPU seconds and peak threads (-1 when
     * unknown), and who ran it ({@code null} workload: fal's own client).
     */
    record Run(String label, Workload workload, ScaleResult result, RemoteEmulator.Stats stats, String vendor,
               double emulatorCpu, int emulatorThreads) {
        Run(String label, Workload workload, ScaleResult result, RemoteEmulator.Stats stats, String vendor) {
            this(label, workload, result, stats, vendor, -1, -1);
        }

        /** HTTP requests the client sent, per completed job (webhook deliveries to the client not included). */
        double requestsPerJob() {
            return (double) stats.httpRequests(vendor) / Math.max(1, result.completed());
        }

        long requests(String kind) {
            return stats.requests(kind);
        }

        double jobsPerSecond() {
            return result.completed() / result.wall();
        }
    }

    static Run videogen4j(Workload w) {
        try (RemoteEmulator emu = RemoteEmulator.start(w.latency(), w.run())) {
            List<String> args = new ArrayList<>(w.toArgs());
            args.add("emulator=" + emu.baseUrl());
            ScaleResult r;
            try (Child worker = Child.start(WORKER_JVM, "scale-worker", args)) {
                r = ScaleResult.fromJson(worker.awaitLine("RESULT "));
            }
            return new Run("videogen4j, " + w.label(), w, r, emu.stats(), w.provider(), emu.cpuSeconds(),
                    emu.peakThreads());
        }
    }

    /** fal's official client on the same job shape; {@code threads} 0 is a thread per job. */
    static Run falClient(int jobs, int threads, Duration run, Duration latency) {
        try (RemoteEmulator emu = RemoteEmulator.start(latency, run)) {
            ScaleResult r;
            try (Child worker = Child.start(WORKER_JVM, "falclient-worker",
                    List.of("jobs=" + jobs, "threads=" + threads, "emulator=" + emu.baseUrl()))) {
                r = ScaleResult.fromJson(worker.awaitLine("RESULT "));
            }
            String how = threads == 0 ? "a thread per job" : "a pool of " + threads + " threads";
            return new Run("fal-client 0.7.1, subscribe() on " + how, null, r, emu.stats(), "fal", emu.cpuSeconds(),
                    emu.peakThreads());
        }
    }
}
