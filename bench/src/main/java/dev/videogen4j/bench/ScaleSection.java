package dev.videogen4j.bench;

import static dev.videogen4j.bench.Report.f;

import dev.videogen4j.PollBackoff;
import java.util.List;
import java.util.Map;

/**
 * B2's section: 10,000 concurrent jobs per run, wall time against the ideal, threads (with the thread dump at
 * the peak), heap and requests per job, and for each missed target the arithmetic of what bounded it.
 *
 * <pre>{@code
 * String md = ScaleSection.markdown(runs, summaryLines);
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

    static String markdown(List<ScaleSuite.Run> runs, List<String> summary) {
        Workload w0 = runs.get(0).workload();
        StringBuilder md = new StringBuilder("## B2 — 10,000 jobs in flight\n\n").append(Report.command("b2"));
        md.append(f("%,d jobs submitted at once from one thread (`submitAsync`, then `awaitAsync`), %s of simulated "
                + "processing each, %s of latency on every HTTP response, default client settings except the poll "
                + "schedule (below). Wall time runs from the first submit to the last result; the ideal is the "
                + "processing time plus one poll interval. *Accepted → result* is, per job, the time from its submit "
                + "being acknowledged to its result being in hand: the processing time plus the time to notice the "
                + "end (less the little the job had run before its acknowledgement reached the client). Peak threads is the JVM's own "
                + "count of live platform threads (all of them, the JVM's included); peak heap is the largest heap "
                + "in use at a 50 ms sample; live heap per job is the heap after a full GC with every job in "
                + "flight, less the heap before the first submit, per job.%n%n", w0.jobs(), Report.seconds(w0.run()),
                Report.seconds(w0.latency())));
        md.append("| run | poll | completed | wall | ideal | wall / ideal (≤ 1.3×) | last submit accepted | accepted → "
                + "result p50 / p99 / max | peak threads (≤ 64) | peak heap (≤ 512 MB) | live heap per job | "
                + "requests per job | client CPU | emulator CPU, threads |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScaleSuite.Run r : runs) {
            ScaleResult s = r.result();
            double ideal = ideal(r.workload());
            md.append(f("| %s | %s | %,d / %,d | %.1f s | %.2f s | %.2f× | %.1f s | %.2f / %.2f / %.2f s | %d | %s | "
                    + "%s | %.3f | %.1f s | %.1f s, %d |%n", r.label(), r.workload().pollLabel(), s.completed(), s.jobs(),
                    s.wall(), ideal, s.wall() / ideal, s.lastAccepted(), s.resultP50(), s.resultP99(), s.resultMax(),
                    s.peakThreads(), Report.mb(s.peakHeap()), perJob(s), r.requestsPerJob(), s.cpu(), r.emulatorCpu(),
                    r.emulatorThreads()));
            summarize(r, ideal, summary);
        }
        ScaleResult head = runs.get(0).result();
        md.append(f("%nThreads at the peak of the first run (thread dump, numbered pools folded): %s.%n%n",
                threads(head.threadsAtPeak())));
        for (ScaleSuite.Run r : runs) md.append(detection(r)).append(why(r));
        return md.toString();
    }

    /** Processing time plus one poll interval; with the default backoff, the first poll after the job ends. */
    static double ideal(Workload w) {
        if (w.poll() != null) return (w.run().toMillis() + w.poll().toMillis()) / 1000.0;
        long at = 0;
        for (int n = 0; at < w.run().toMillis(); n++) at += PollBackoff.DEFAULTS.delay(n).toMillis();
        return at / 1000.0;
    }

    private static void summarize(ScaleSuite.Run r, double ideal, List<String> summary) {
        ScaleResult s = r.result();
        String who = "B2 " + r.label();
        summary.add(Report.line(who + ": jobs completed", "all", f("%,d / %,d", s.completed(), s.jobs()),
                s.completed() == s.jobs()));
        summary.add(Report.line(who + ": wall time / ideal", "≤ 1.3×", f("%.2f× (%.1f s / %.2f s)", s.wall() / ideal,
                s.wall(), ideal), s.wall() / ideal <= WALL_TARGET));
        summary.add(Report.line(who + ": peak live threads", "≤ 64", String.valueOf(s.peakThreads()),
                s.peakThreads() <= THREAD_TARGET));
        summary.add(Report.line(who + ": peak heap (-Xmx512m)", "≤ 512 MB", Report.mb(s.peakHeap()),
                s.peakHeap() <= HEAP_TARGET));
        summary.add(Report.line(who + ": HTTP requests per job", "", f("%.3f", r.requestsPerJob()), null));
    }

    /** For a batched run: how soon completion was seen, against the length of one poll cycle. */
    private static String detection(ScaleSuite.Run r) {
        Workload w = r.workload();
        if (!w.batched() || w.poll() == null) return "";
        double cycle = (w.poll().toMillis() + 50 + w.latency().toMillis()) / 1000.0;
        double run = w.run().toMillis() / 1000.0;
        return f("**%s: completion seen within one poll cycle.** Every result was in at most %.2f s after its "
                + "%.0f s job was accepted (p99 %.2f s), so each end was noticed within %.2f s: a job is polled %s "
                + "after the previous answer, its poll waits up to the 50 ms batch window and takes one %s request, "
                + "a cycle of %.2f s.%n%n", r.label(), r.result().resultMax(), run, r.result().resultP99(),
                r.result().resultMax() - run, Report.seconds(w.poll()), Report.seconds(w.latency()), cycle);
    }

    private static String why(ScaleSuite.Run r) {
        ScaleResult s = r.result();
        double ideal = ideal(r.workload());
        StringBuilder md = new StringBuilder();
        int calls = r.workload().maxCalls() > 0 ? r.workload().maxCalls() : DEFAULT_CALLS;
        double latency = r.workload().latency().toMillis() / 1000.0;
        long requests = r.stats().httpRequests(r.vendor());
        if (s.wall() / ideal > WALL_TARGET) {
            double floor = requests * latency / calls;
            md.append(f("**%s: wall time %.2f× the ideal (target 1.3×), %.1f s over.** Every request holds one of the "
                    + "client's %d call threads for its %.0f ms, so the client carries at most %d / %.3f s = %,.0f "
                    + "requests per second; this run needed %,d requests (%.1f per job: %s), which alone take "
                    + "%.1f s. The last submit was accepted only at %.1f s. Jobs of a provider without batching "
                    + "cost a request per submit, poll and result each. CPU: the client used %.1f s and the "
                    + "emulator %.1f s (with %d threads at most: MockWebServer serves each connection on a thread "
                    + "of its own) in %.1f s of wall time on %d cores, %.0f%% of the machine.",
                    r.label(), s.wall() / ideal, s.wall() - WALL_TARGET * ideal, calls,
                    latency * 1000, calls, latency, calls / latency, requests, r.requestsPerJob(), kinds(r), floor,
                    s.lastAccepted(), s.cpu(), r.emulatorCpu(), r.emulatorThreads(), s.wall(), CORES,
                    100 * (s.cpu() + r.emulatorCpu()) / (s.wall() * CORES)));
            double share = (s.cpu() + r.emulatorCpu()) / (s.wall() * CORES);
            md.append(share > 0.8 ? " So the machine's CPU, shared by client and emulator, was as much a limit as the "
                    + "request rate." : " So the request rate, not CPU, was the limit.");
            md.append(calls > DEFAULT_CALLS ? "\n\n" : f(" Raising `maxConcurrentCalls` trades threads for rate "
                    + "(see the row with more concurrent calls, if any).%n%n"));
        }
        if (s.peakThreads() > THREAD_TARGET) {
            int callThreads = s.threadsAtPeak().getOrDefault("videogen4j-call-#", 0);
            md.append(f("**%s: %d threads at the peak (target 64), %d over.** %d of them are call threads "
                    + "(`maxConcurrentCalls(%d)`); the other %d are the JVM's, the timer, OkHttp's and the harness's "
                    + "main thread (thread dump: %s).%n%n", r.label(), s.peakThreads(), s.peakThreads() - THREAD_TARGET,
                    callThreads, calls, s.peakThreads() - callThreads, threads(s.threadsAtPeak())));
        }
        return md.toString();
    }

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
}
