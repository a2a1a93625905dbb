package dev.videogen4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one workload the way B2–B4 and N1 measure it: a fresh emulator process, and the client in a worker process
 * of its own with {@code -Xmx512m} on the given JVM, whose figures come back as one JSON line; the request counts
 * and each job's end on the vendor's side come from the emulator afterwards.
 *
 * <pre>{@code
 * ScaleSuite.Run run = ScaleSuite.videogen4j(workload, Jvm.current());
 * double perJob = run.requestsPerJob();
 * double p99 = run.notice().p99();
 * }</pre>
 */
final class ScaleSuite {
    static final List<String> WORKER_JVM = List.of("-Xmx512m");

    private ScaleSuite() {
    }

    /**
     * A run's figures, its emulator counters and the emulator process's CPU seconds and peak threads (-1 when
     * unknown), who ran it on which JVM, its notice delays, and the warm-up job's (NaN without one).
     */
    record Run(String label, Workload workload, ScaleResult result, RemoteEmulator.Stats stats, String vendor,
               double emulatorCpu, int emulatorThreads, Jvm jvm, Notice notice, double warmupNotice) {
        Run(String label, Workload workload, ScaleResult result, RemoteEmulator.Stats stats, String vendor) {
            this(label, workload, result, stats, vendor, -1, -1, Jvm.current(), Notice.NONE, Double.NaN);
        }

        /** The run's figures with its emulator's record of when each job ended. */
        static Run of(String label, Workload w, ScaleResult r, RemoteEmulator emu, String vendor, Jvm jvm) {
            return of(label, w, r, emu, null, vendor, jvm);
        }

        /** ... counting only what the emulator saw after {@code before} (the counters after the warm-up job). */
        static Run of(String label, Workload w, ScaleResult r, RemoteEmulator emu, RemoteEmulator.Stats before,
                      String vendor, Jvm jvm) {
            Map<String, long[]> ends = emu.jobEnds(vendor);
            double warmup = r.warmupJob() == null ? Double.NaN
                    : Notice.of(Map.of(r.warmupJob(), r.doneAt().get(r.warmupJob())), ends).p50();
            RemoteEmulator.Stats stats = before == null ? emu.stats() : emu.stats().minus(before);
            return new Run(label, w, r, stats, vendor, emu.cpuSeconds(), emu.peakThreads(), jvm,
                    Notice.of(r.measuredDoneAt(), ends), warmup);
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

    /**
     * Notice delay: per job, from its end on the vendor's side to its result in the caller's hands, in seconds;
     * split into {@code wait}, from the end to the first request about the job that reached the vendor after it,
     * and {@code answer}, from that request to the result in hand. {@code jobs}: how many jobs were matched to the
     * emulator's record; {@code earlyJobs} of them were polled before their end, {@code earlyPolls} times in all,
     * the last such poll a median {@code earlyBy} seconds before the end; {@code polls}: the polls about those jobs
     * the emulator saw in all (-1 if it did not say).
     */
    record Notice(int jobs, double p50, double p99, double max, double waitP50, double waitP99, double answerP50,
                  double answerP99, int earlyJobs, int earlyPolls, double earlyBy, long polls) {
        static final Notice NONE = new Notice(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, Double.NaN, -1);

        static Notice of(Map<String, Long> doneAt, Map<String, long[]> vendor) {
            List<double[]> each = new ArrayList<>();
            List<Double> earlyBy = new ArrayList<>();
            int[] earlyPolls = {0};
            long[] polls = {0};
            doneAt.forEach((id, done) -> {
                long[] t = vendor.get(id);
                if (t == null) return;
                polls[0] = t.length > 4 && polls[0] >= 0 ? polls[0] + t[4] : -1;
                if (t.length > 3 && t[2] > 0) {
                    earlyPolls[0] += (int) t[2];
                    earlyBy.add((t[0] - t[3]) / 1e6);
                }
                long next = t[1] < 0 ? done : Math.min(t[1], done);
                each.add(new double[] {(done - t[0]) / 1e6, (next - t[0]) / 1e6, (done - next) / 1e6});
            });
            if (each.isEmpty()) return NONE;
            double[] total = each.stream().mapToDouble(d -> d[0]).sorted().toArray();
            double[] wait = each.stream().mapToDouble(d -> d[1]).toArray();
            double[] answer = each.stream().mapToDouble(d -> d[2]).toArray();
            return new Notice(total.length, OverheadSuite.percentile(total, 0.50), OverheadSuite.percentile(total, 0.99),
                    total[total.length - 1], OverheadSuite.percentile(wait, 0.50), OverheadSuite.percentile(wait, 0.99),
                    OverheadSuite.percentile(answer, 0.50), OverheadSuite.percentile(answer, 0.99), earlyBy.size(),
                    earlyPolls[0], earlyBy.isEmpty() ? Double.NaN
                            : OverheadSuite.percentile(earlyBy.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.50),
                    polls[0]);
        }
    }

    static Run videogen4j(Workload w) {
        return videogen4j(w, Jvm.current());
    }

    static Run videogen4j(Workload w, Jvm jvm) {
        try (RemoteEmulator emu = RemoteEmulator.start(w.latency(), w.run())) {
            List<String> args = new ArrayList<>(w.toArgs());
            args.add("emulator=" + emu.baseUrl());
            ScaleResult r;
            RemoteEmulator.Stats before = null;
            try (Child worker = Child.start(jvm, WORKER_JVM, "scale-worker", args)) {
                if (w.warmup()) {
                    worker.awaitLine("WARM");
                    before = emu.stats();
                    // the cold rows keep counting the emulator's start, as they always did; a burst is not measured
                    if (w.burst() > 0) emu.measureFromNow();
                    worker.send("go");
                }
                r = ScaleResult.fromJson(worker.awaitLine("RESULT "));
            }
            return Run.of("videogen4j, " + w.label(), w, r, emu, before, w.provider(), jvm);
        }
    }

    /** fal's official client on the same job shape; {@code threads} 0 is a thread per job. */
    static Run falClient(int jobs, int threads, Duration run, Duration latency) {
        return falClient(new Workload("fal", jobs, run, latency, null, false, false), threads, Jvm.current());
    }

    /** ... with {@code w}'s jobs handed to the client as {@code w} paces them, on {@code jvm}. */
    static Run falClient(Workload w, int threads, Jvm jvm) {
        try (RemoteEmulator emu = RemoteEmulator.start(w.latency(), w.run())) {
            ScaleResult r;
            try (Child worker = Child.start(jvm, WORKER_JVM, "falclient-worker", List.of("jobs=" + w.jobs(),
                    "threads=" + threads, "emulator=" + emu.baseUrl(), "spread=" + Args.text(w.spread()),
                    "wave=" + w.wave()))) {
                r = ScaleResult.fromJson(worker.awaitLine("RESULT "));
            }
            String how = threads == 0 ? "a thread per job" : "a pool of " + threads + " threads";
            return Run.of("fal-client 0.7.1, subscribe() on " + how, w, r, emu, "fal", jvm);
        }
    }
}
