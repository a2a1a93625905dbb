package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import java.util.List;
import java.util.Map;

/**
 * B2's section: 10,000 concurrent jobs per run with default client settings, wall time against the ideal, notice
 * delay, threads (with the thread dump at the peak), heap and requests per job, and for each missed target what
 * the run's own figures say bounded it.
 *
 * <pre>{@code
 * String md = ScaleSection.markdown(runs, summary);
 * }</pre>
 */
final class ScaleSection {
    static final int DEFAULT_CALLS = 48;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final double WALL_TARGET = 1.3;
    private static final int THREAD_TARGET = 64;
    private static final long HEAP_TARGET = 512L * 1024 * 1024;

    private ScaleSection() {
    }

    static String markdown(List<ScaleSuite.Run> runs, Summary summary) {
        Workload w0 = runs.get(0).workload();
        StringBuilder md = new StringBuilder("## B2 — 10,000 jobs in flight\n\n")
                .append(Report.command("b2", runs.stream().map(ScaleSuite.Run::jvm).toList()));
        md.append(f("%,d jobs submitted at once from one thread (`submitAsync`, then `awaitAsync`), %s of simulated "
                + "processing each, %s of latency on every HTTP response, the library's default settings (Runware also "
                + "with `batchSubmits` + `batchPolling`, the configuration meant for many jobs). Wall time runs from "
                + "the first submit to the last result; the ideal is the processing time plus the latency of a job's "
                + "first and last request (its submit and the answer that carries its result): %.2f s. *Notice "
                + "delay* is, per job, the time from its end on the emulator (its submit's arrival there plus its "
                + "processing time) to its result in the caller's hands, as in N1. Peak threads is the JVM's own count "
                + "of live platform threads (all of them, the JVM's included); peak heap is the largest heap in use "
                + "at a 50 ms sample; live heap per job is the heap after a full GC with every job in flight, less "
                + "the heap before the first submit, per job.%n%n", w0.jobs(), Report.seconds(w0.run()),
                Report.seconds(w0.latency()), ideal(w0)));
        runs.stream().mapToInt(r -> r.workload().burst()).filter(b -> b > 0).findFirst().ifPresent(b -> md.append(f(
                "Each client first runs one job of the same kind to its end (it learns the model's run time). The rows "
                + "*after a warm-up burst* then submit %,d more such jobs at once and await them all, in the same "
                + "client against the same emulator, before the measured jobs go exactly as in the row above them: a "
                + "client in service has compiled its hot paths, while a fresh one compiles them during its first "
                + "burst (then its JIT compiler takes a large share of its CPU while it submits, and the fresh "
                + "emulator's JIT much of the rest), so both are reported. In every row requests, notice delays and the "
                + "client's CPU, threads and heap count the measured jobs only; the emulator's CPU and peak threads do "
                + "so in the burst rows, while in the others they include its start and the warm-up job.%n%n", b)));
        md.append("| client JVM | run | completed | wall | wall / ideal (≤ 1.3×) | last submit accepted | notice delay "
                + "p50 / p99 / max | peak threads (≤ 64) | peak heap (≤ 512 MB) | live heap per job | requests per job "
                + "| client CPU | emulator CPU, threads |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run r : runs) {
            ScaleResult s = r.result();
            double ideal = ideal(r.workload());
            ScaleSuite.Notice n = r.notice();
            md.append(f("| %s | %s | %,d / %,d | %.1f s | %.2f× | %.1f s | %.2f / %.2f / %.2f s | %d | %s | "
                    + "%s | %.3f (%s) | %.1f s | %.1f s, %d |%n", r.jvm().name(), r.label(), s.completed(), s.jobs(),
                    s.wall(), s.wall() / ideal, s.lastAccepted(), n.p50(), n.p99(), n.max(), s.peakThreads(),
                    Report.mb(s.peakHeap()), perJob(s), r.requestsPerJob(), kinds(r), s.cpu(), r.emulatorCpu(),
                    r.emulatorThreads()));
            summarize(r, ideal, summary);
        }
        for (ScaleSuite.Run r : runs) {
            md.append(f("%nThreads at the peak, %s on %s (thread dump, numbered pools folded): %s.%n", r.label(),
                    r.jvm().name(), threads(r.result().threadsAtPeak())));
        }
        md.append('\n');
        for (ScaleSuite.Run r : runs) md.append(why(r));
        return md.toString();
    }

    /** Processing time plus the latency of a job's first and last request. */
    static double ideal(Workload w) {
        return (w.run().toMillis() + 2 * w.latency().toMillis()) / 1000.0;
    }

    /** The issue's ceiling on requests per completed job at default settings, or null where it sets none. */
    static Double requestTarget(Workload w) {
        if (w == null || w.webhook()) return null;
        return w.provider().equals("fal") ? 3.0 : w.batched() ? 0.1 : 2.0;
    }

    private static void summarize(ScaleSuite.Run r, double ideal, Summary summary) {
        ScaleResult s = r.result();
        String who = "B2 " + r.label();
        summary.add(who + ": jobs completed", "all", r.jvm(), f("%,d / %,d", s.completed(), s.jobs()),
                s.completed() == s.jobs());
        summary.add(who + ": wall time / ideal", "≤ 1.3×", r.jvm(), f("%.2f× (%.1f s / %.2f s)", s.wall() / ideal,
                s.wall(), ideal), s.wall() / ideal <= WALL_TARGET);
        summary.add(who + ": peak live threads", "≤ 64", r.jvm(), String.valueOf(s.peakThreads()),
                s.peakThreads() <= THREAD_TARGET);
        summary.add(who + ": peak heap (-Xmx512m)", "≤ 512 MB", r.jvm(), Report.mb(s.peakHeap()),
                s.peakHeap() <= HEAP_TARGET);
        Double target = requestTarget(r.workload());
        summary.add(who + ": HTTP requests per completed job", target == null ? "" : f("≤ %s", trim(target)), r.jvm(),
                f("%.3f", r.requestsPerJob()), target == null ? null : r.requestsPerJob() <= target);
    }

    /**
     * For each missed target, what the run's own figures say: a wall time is the last submit's acceptance, plus a
     * job's processing, plus the notice delay of the last jobs; threads are named from the dump at the peak.
     */
    private static String why(ScaleSuite.Run r) {
        ScaleResult s = r.result();
        double ideal = ideal(r.workload());
        double run = r.workload().run().toMillis() / 1000.0;
        StringBuilder md = new StringBuilder();
        String who = r.label() + " on " + r.jvm().name();
        long requests = r.stats().httpRequests(r.vendor());
        double share = (s.cpu() + r.emulatorCpu()) / (s.wall() * CORES);
        if (s.wall() / ideal > WALL_TARGET) {
            int calls = s.threadsAtPeak().getOrDefault("videogen4j-call-#", 0);
            double latency = r.workload().latency().toMillis() / 1000.0;
            double floor = calls == 0 ? 0 : requests * latency / calls;
            md.append(f("**%s: wall time %.2f× the ideal (target 1.3×), %.1f s over.** The client sent %,d requests "
                    + "(%.2f per job: %s), %,.0f per second on average; the last submit was accepted only at %.1f s, "
                    + "and the jobs' ends were noticed %.2f s late at the median, %.2f s at worst. ", who,
                    s.wall() / ideal, s.wall() - WALL_TARGET * ideal, requests, r.requestsPerJob(), kinds(r),
                    requests / s.wall(), s.lastAccepted(), r.notice().p50(), r.notice().max()));
            if (calls > 0) {
                md.append(f("The thread dump shows %d platform call threads; each request holds one for its %.0f ms, "
                        + "so they carry at most %,.0f requests per second, and this run's requests alone need %.1f s "
                        + "at that rate. ", calls, latency * 1000, calls / latency, floor));
                md.append(platformBound(r, ideal, latency));
            }
            md.append(f("CPU: the client used %.1f s and the emulator %.1f s (%d threads at most) in %.1f s on %d cores, "
                    + "%.0f%% of the machine. ", s.cpu(), r.emulatorCpu(), r.emulatorThreads(), s.wall(), CORES,
                    100 * share));
            boolean busySubmits = s.submitBusy() > 0.85;
            if (s.submitBusy() >= 0) {
                md.append(f("From the first submit to the last acceptance (%.1f s) the machine's cores were %.0f%% busy, "
                        + "and the client spent %.1f s of CPU, %,.0f µs per job, to send its submits and handle what "
                        + "came back. ", s.lastAccepted(), 100 * s.submitBusy(), s.submitCpu(),
                        s.submitCpu() / s.jobs() * 1e6));
                md.append(jvmShare(r));
            }
            md.append(share > 0.8 ? "So the two cores, shared by client and emulator, were the limit."
                    : floor > 0.6 * s.wall() ? "So the call threads were the limit: requests queue for them."
                    : busySubmits ? "So the two cores, shared by client and emulator, were the limit while the submits "
                            + "went out: at this CPU cost per job the last submit cannot be accepted sooner here."
                    : s.lastAccepted() > 0.3 * run ? "So the submits were slow to go out, not the machine."
                    : "So the ends were noticed late, not the requests or the machine.");
            md.append("\n\n");
        }
        if (s.peakThreads() > THREAD_TARGET) {
            md.append(f("**%s: %d threads at the peak (target 64), %d over.** Thread dump at the peak: %s. ", who,
                    s.peakThreads(), s.peakThreads() - THREAD_TARGET, threads(s.threadsAtPeak())));
            int calls = s.threadsAtPeak().getOrDefault("videogen4j-call-#", 0);
            int streams = s.threadsAtPeak().getOrDefault("videogen4j-stream-#", 0);
            int others = s.threadsAtPeak().values().stream().mapToInt(Integer::intValue).sum() - calls - streams;
            md.append(f("That is %d call threads, %d status-stream readers and %d others (the JVM's own, OkHttp's, the "
                    + "timer and the harness's main thread): %s.%n%n", calls, streams, others,
                    streams > 0 ? "the stream readers started beside busy call threads"
                            : "the call threads alone went past the budget"));
        }
        Double target = requestTarget(r.workload());
        if (target != null && r.requestsPerJob() > target) {
            md.append(f("**%s: %.3f requests per completed job (target ≤ %s), %.3f over.** What they carried, per "
                    + "job: %s. %s%n%n", who, r.requestsPerJob(), trim(target), r.requestsPerJob() - target, kinds(r),
                    r.notice().jobs() == 0 ? "" : NoticeSection.earlyPolls(r.notice())));
        }
        return md.toString();
    }

    /**
     * Why no platform-thread client can meet the wall target within the thread target here: a call holds its thread
     * for a whole round trip (OkHttp's calls block, synchronous or asynchronous), so {@value #THREAD_TARGET}
     * threads carry at most {@code 64 / latency} requests per second, and one submit per job sets a floor.
     */
    private static String platformBound(ScaleSuite.Run r, double ideal, double latency) {
        int submitsPerRequest = r.workload().batched() ? 100 : 1;
        double submitFloor = Math.ceil((double) r.result().jobs() / submitsPerRequest) * latency / THREAD_TARGET;
        double floor = submitFloor + ideal;
        if (floor / ideal <= WALL_TARGET) return "";
        return f("Even all %d threads the thread target allows would carry at most %,.0f requests per second: the "
                + "%,d submits alone would take %.1f s, so no client whose calls hold a platform thread while they wait "
                + "can finish under %.1f s, %.2f× the ideal. On platform threads the wall and thread targets exclude "
                + "each other for one submit per job; batching (Runware's up to 100 tasks per request) or virtual "
                + "threads (JDK 24+, the JDK 25 rows) lift the bound. ", THREAD_TARGET, THREAD_TARGET / latency,
                r.result().jobs(), submitFloor, floor, floor / ideal);
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Requests of each kind per completed job ({@code status 1.00, submit 1.00}). */
    static String kinds(ScaleSuite.Run r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = (Map<String, Object>) r.stats().json().get("requests");
        StringBuilder out = new StringBuilder();
        kinds.forEach((k, n) -> {
            if (k.startsWith(r.vendor() + ".")) {
                out.append(out.length() == 0 ? "" : ", ").append(f("%s %.2f", k.substring(k.indexOf('.') + 1),
                        ((Number) n).doubleValue() / Math.max(1, r.result().completed())));
            }
        });
        return out.toString();
    }

    static String threads(Map<String, Integer> byName) {
        StringBuilder out = new StringBuilder();
        byName.forEach((name, n) -> out.append(out.length() == 0 ? "" : ", ").append('`').append(name).append("` ").append(n));
        return out.toString();
    }

    private static String perJob(ScaleResult s) {
        if (s.liveHeapInFlight() < 0 || s.inFlightAtHeapSample() == 0) return "–";
        return f("%.1f KB (%,d in flight)", (s.liveHeapInFlight() - s.liveHeapBase()) / 1024.0 / s.inFlightAtHeapSample(),
                s.inFlightAtHeapSample());
    }

    // The submit phase's CPU, split into the JVM's own threads and the rest: a fresh client compiles its hot paths
    // while it submits, which B1's warmed-up per-job figures do not pay; after a warm-up burst it has had the chance.
    private static String jvmShare(ScaleSuite.Run r) {
        ScaleResult s = r.result();
        if (!(s.submitJit() >= 0 && s.submitGc() >= 0)) return "";   // unknown: -1, or NaN from an older worker
        int burst = r.workload().burst();
        String before = burst > 0 ? f("the client had run a warm-up burst of %,d jobs before these, so that is what "
                + "its JIT compiler still did after it", burst)
                : "the client had run one job before the burst, so it compiled its hot paths while it submitted";
        return f("Of that CPU, its JIT compiler threads took %.1f s (%,.0f µs per job) and its garbage collector "
                + "%.1f s (%,.0f µs per job): %s. ", s.submitJit(), s.submitJit() / s.jobs() * 1e6, s.submitGc(),
                s.submitGc() / s.jobs() * 1e6, before);
    }
}
