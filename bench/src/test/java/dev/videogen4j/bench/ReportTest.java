package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report renders every section from figures, and says "missed" exactly where a target is. */
class ReportTest {
    @Test
    void everySectionRendersWithItsCommandAndTheMissedTargetsAreExplained() {
        Report report = new Report(false);
        double[] hand = {100, 120, 26_000, 60, 50, 10, 0};
        double[] handoffs = {130, 160, 27_000, 70, 80, 12, 0};
        double[] v4j = {180, 250, 40_000, 150, 90, 40, 1};
        report.b1(List.of(new OverheadSuite.Row("runware", 12, 1500,
                Map.of("handwritten", hand, "handoffs", handoffs, "videogen4j", v4j),
                Map.of("handwritten", new double[] {100, 110, 150}, "handoffs", new double[] {130, 140, 180},
                        "videogen4j", new double[] {180, 190, 240}), 40_000, 200, 26_000, 150, Map.of("handwritten", Map.of("OkHttp/Okio", 20_000.0, "Moshi", 6_000.0),
                        "videogen4j", Map.of("OkHttp/Okio", 21_000.0, "adapter", 9_000.0, "core engine", 3_000.0)))));
        Workload batched = new Workload("runware", 10_000, Duration.ofSeconds(10), Duration.ofMillis(50),
                Duration.ofSeconds(1), true, false);
        Workload fal = new Workload("fal", 10_000, Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(1),
                false, false);
        report.b2(List.of(run(batched, 12.5, 50, 1_060, "runware"), run(fal, 31.9, 58, 30_000, "fal")));
        report.b3(List.of(run(new Workload("fal", 1_000, Duration.ofSeconds(10), Duration.ofMillis(50), null, false,
                false), 17.0, 58, 6_000, "fal")));
        report.b4(List.of(run(fal, 11.0, 58, 24_000, "fal")));

        String md = report.markdown();
        for (String section : List.of("b1", "b2", "b3", "b4")) {
            assertTrue(md.contains(Report.JAR + " " + section + "`"), "command of " + section);
        }
        assertTrue(md.contains("| B1 runware: wall time per job, videogen4j / hand-written | ≤ 1.10× | 1.80× (180 vs 100 µs) "
                + "| **missed** |"), md);
        assertTrue(md.contains("**Runware: why the targets are missed.**"), md);
        assertTrue(md.contains("| B2 videogen4j, Runware, batched: wall time / ideal | ≤ 1.3× | 1.14× (12.5 s / 11.00 s) "
                + "| met |"), md);
        assertTrue(md.contains("| B2 videogen4j, fal: wall time / ideal | ≤ 1.3× | 2.90× (31.9 s / 11.00 s) | **missed** |"), md);
        assertTrue(md.contains("this run needed 30,000 requests"), md);
        assertTrue(md.contains("first poll after it ends is the one at 16.25 s"), md);
    }

    private static ScaleSuite.Run run(Workload w, double wall, int threads, long requests, String vendor) {
        ScaleResult r = new ScaleResult(w.jobs(), w.jobs(), 0, null, wall, 1.5, 0.5, 1.0, 1.2, threads,
                Map.of("main", 1, "videogen4j-call-#", threads - 10), 100L << 20, 5L << 20, 25L << 20, w.jobs(), 7.0);
        Map<String, Object> json = Map.of("httpRequests", Map.of(vendor, requests),
                "requests", Map.of(vendor + ".submit", (long) w.jobs()));
        return new ScaleSuite.Run("videogen4j, " + w.label(), w, r, new RemoteEmulator.Stats(json), vendor);
    }
}
