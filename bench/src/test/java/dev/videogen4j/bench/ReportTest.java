package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report renders every section from figures, and says "missed" exactly where a target is. */
class ReportTest {
    private static final Jvm JDK17 = new Jvm("/usr/bin/java", "17.0.15");
    private static final Jvm JDK25 = new Jvm("/opt/jdk-25/bin/java", "25.0.3");

    @Test
    void everySectionRendersWithItsCommandAndTheMissedTargetsAreExplained() {
        Report report = new Report(false, List.of(JDK17));
        double[] hand = {100, 120, 26_000, 60, 50, 10, 0};
        double[] handoffs = {130, 160, 27_000, 70, 80, 12, 0};
        double[] v4j = {180, 250, 40_000, 150, 90, 40, 1};
        report.b1(List.of(new OverheadSuite.Row(JDK17, "runware", "", 12, 1500,
                Map.of("handwritten", hand, "handoffs", handoffs, "videogen4j", v4j),
                Map.of("handwritten", new double[] {100, 110, 150}, "handoffs", new double[] {130, 140, 180},
                        "videogen4j", new double[] {180, 190, 240}), 40_000, 200, 26_000, 150, Map.of("handwritten", Map.of("OkHttp/Okio", 20_000.0, "Moshi", 6_000.0),
                        "videogen4j", Map.of("OkHttp/Okio", 21_000.0, "adapter", 9_000.0, "core engine", 3_000.0)),
                Map.of("handwritten", Map.of("OkHttp/Okio", 80.0), "videogen4j", Map.of("OkHttp/Okio", 90.0,
                        "core engine", 40.0)))));
        Workload batched = new Workload("runware", 10_000, Duration.ofSeconds(10), Duration.ofMillis(50), null, true, false);
        Workload fal = new Workload("fal", 10_000, Duration.ofSeconds(10), Duration.ofMillis(50), null, false, false);
        report.b2(List.of(run(batched, 12.5, 50, 1_060, "runware", JDK17), run(fal, 31.9, 58, 30_000, "fal", JDK17),
                run(fal.afterBurst(2_000), 16.0, 58, 30_000, "fal", JDK17)));
        report.b3(List.of(run(new Workload("fal", 1_000, Duration.ofSeconds(10), Duration.ofMillis(50), null, false,
                false), 17.0, 58, 6_000, "fal", JDK17)));
        report.b4(List.of(run(fal, 11.0, 58, 24_000, "fal", JDK17)));

        String md = report.markdown("");
        for (String section : List.of("b1", "b2", "b3", "b4")) {
            assertTrue(md.contains(Report.JAR + " " + section + "`"), "command of " + section);
        }
        assertTrue(md.contains("| B1 runware: wall time per job, videogen4j / hand-written | ≤ 1.10× | 1.80× (180 vs 100 µs) "
                + "| **missed** |"), md);
        assertTrue(md.contains("**Runware, clients on JDK 17: why the targets are missed.**"), md);
        assertTrue(md.contains("| runware, JDK 17: layer | hand-written CPU µs/job | videogen4j CPU µs/job |\n|---|---|---|\n"
                + "| OkHttp/Okio | 80 | 90 |\n| core engine | 0 | 40 |\n| **total** | **80** | **130** |"), md);
        assertTrue(md.contains("| B2 videogen4j, Runware, batched: wall time / ideal | ≤ 1.3× | 1.24× (12.5 s / 10.10 s) "
                + "| met |"), md);
        assertTrue(md.contains("| B2 videogen4j, Runware, batched: HTTP requests per completed job | ≤ 0.1 | 0.106 | **missed** |"), md);
        assertTrue(md.contains("| B2 videogen4j, fal: wall time / ideal | ≤ 1.3× | 3.16× (31.9 s / 10.10 s) | **missed** |"), md);
        assertTrue(md.contains("The client sent 30,000 requests (3.00 per job: submit 1.00)"), md);
        assertTrue(md.contains("the 10,000 submits alone would take 7.8 s, so no client whose calls hold a platform "
                + "thread while they wait can finish under 17.9 s, 1.77× the ideal."), md);
        assertTrue(md.contains("From the first submit to the last acceptance (1.5 s) the machine's cores were 95% busy, "
                + "and the client spent 3.0 s of CPU, 300 µs per job,"), md);
        assertTrue(md.contains("Of that CPU, its JIT compiler threads took 1.2 s (120 µs per job) and its garbage "
                + "collector 0.3 s (30 µs per job): the client had run one job before the burst"), md);
        // the same configuration once more after a warm-up burst: a row of its own against the same targets
        for (String burstRow : List.of(
                "| B2 videogen4j, fal, after a warm-up burst: wall time / ideal | ≤ 1.3× | 1.58× (16.0 s / 10.10 s) "
                        + "| **missed** |",
                "| B2 videogen4j, fal, after a warm-up burst: HTTP requests per completed job | ≤ 3 | 3.000 | met |",
                "The rows *after a warm-up burst* then submit 2,000 more such jobs at once",
                "**videogen4j, fal, after a warm-up burst on JDK 17: wall time 1.58× the ideal",
                "(30 µs per job): the client had run a warm-up burst of 2,000 jobs before these")) {
            assertTrue(md.contains(burstRow), burstRow + " in\n" + md);
        }
    }

    @Test
    void n1PutsEachJvmInAColumnOfItsOwnAndSplitsAMissedDelay() {
        Report report = new Report(false, List.of(JDK17, JDK25));
        Workload fal = new Workload("fal", 100, Duration.ofSeconds(120), Duration.ofMillis(50), null, false, false);
        ScaleSuite.Notice slow = new ScaleSuite.Notice(100, 0.9, 1.4, 1.5, 0.8, 1.2, 0.1, 0.2, 20, 20, 0.4, 120);
        ScaleSuite.Notice fast = new ScaleSuite.Notice(100, 0.1, 0.2, 0.3, 0.01, 0.02, 0.09, 0.18, 0, 0, Double.NaN, 100);
        report.n1(List.of(run(fal, 130, 20, 400, "fal", JDK17, slow), run(fal, 130, 20, 300, "fal", JDK25, fast)));
        String md = report.markdown("");

        assertTrue(md.contains("| figure | target | measured, JDK 17 | | measured, JDK 25 | |"), md);
        assertTrue(md.contains("| N1 videogen4j, fal, 120 s jobs: notice delay p50 / p99 | ≤ 0.5 s | 0.900 / 1.400 s "
                + "| **missed** | 0.100 / 0.200 s | met |"), md);
        assertTrue(md.contains("| N1 videogen4j, fal, 120 s jobs: HTTP requests per completed job | ≤ 3 | 4.00 | **missed** "
                + "| 3.00 | met |"), md);
        assertTrue(md.contains("**videogen4j, fal, 120 s jobs, on JDK 17: notice delay p50 0.900 s / p99 1.400 s (target "
                + "≤ 0.5 s), p99 0.900 s over.** Of it, 0.800 s (p50; p99 1.200 s) passed before"), md);
        assertTrue(md.contains("20 of the 100 jobs were polled before their end, 20 times in all, the last such poll a "
                + "median 0.40 s before the end: a poll aimed at a job's end found it still running"), md);
        assertTrue(md.contains("The emulator matched 120 polls to the 100 measured jobs."), md);
        assertTrue(md.contains(Report.JAR + " n1 --java=/opt/jdk-25/bin/java`"), md);
    }

    @Test
    void sectionsNotRunNowAreCarriedOverWithTheirSummaryLines() {
        String previous = "# old\n\n## Summary\n\n| figure | target | measured | |\n|---|---|---|---|\n"
                + "| B4 x | | 1 | |\n| B5 wall time, PostgreSQL | (reported) | 3.95× | |\n\n## B4 — x\n\nfour\n\n"
                + "## B5 — durable\n\nfive, measured at 2026-12-02T00:13:31Z\n\n## Reading these figures\n\n";
        Report report = new Report(false, List.of(JDK17, JDK25));
        report.b3(List.of(run(new Workload("fal", 1_000, Duration.ofSeconds(10), Duration.ofMillis(50), null, false,
                false), 17.0, 58, 6_000, "fal", JDK17)));
        String md = report.markdown(previous);
        assertTrue(md.contains("| B3 videogen4j, fal: HTTP requests per completed job | no regression: was 6.000 (2026-11-20) "
                + "| 6.000 | met | – | |\n| B4 x (carried over) | | 1 | | – | |\n"
                + "| B5 wall time, PostgreSQL (carried over) | (reported) | 3.95× | | – | |\n"), md);
        assertTrue(md.indexOf("## B3 — polling cost") < md.indexOf("## B4 — x\n\nfour\n\n## B5 — durable\n\nfive, "
                + "measured at 2026-12-02T00:13:31Z\n\n## Reading"), md);
        String again = new Report(false, List.of(JDK17, JDK25)).markdown(md);
        assertTrue(again.contains("| B4 x (carried over) | | 1 | | – | |\n"), "carried twice, marked once: " + again);
    }

    @Test
    void noticeDelaySplitsIntoWaitingForTheNextRequestAndItsAnswer() {
        // job a: ended at 10 s, next request 10.4 s, result in hand 10.5 s; job b: no request after its end
        ScaleSuite.Notice n = ScaleSuite.Notice.of(Map.of("a", 10_500_000L, "b", 20_100_000L, "unknown", 1L),
                Map.of("a", new long[] {10_000_000L, 10_400_000L}, "b", new long[] {20_000_000L, -1}));
        assertEquals(2, n.jobs());
        assertEquals(0.1, n.p50(), 1e-9);
        assertEquals(0.5, n.p99(), 1e-9);
        assertEquals(0.1, n.waitP50(), 1e-9);
        assertEquals(0.4, n.waitP99(), 1e-9);
        assertEquals(0.0, n.answerP50(), 1e-9);
        assertEquals(0.1, n.answerP99(), 1e-9);
        assertEquals(0, n.earlyJobs());
    }

    @Test
    void pollsBeforeAJobsEndAreCountedAsEarly() {
        // job a: polled at 9.0 and 9.7 s, ended at 10 s; job b: first polled after its end
        ScaleSuite.Notice n = ScaleSuite.Notice.of(Map.of("a", 10_300_000L, "b", 20_100_000L),
                Map.of("a", new long[] {10_000_000L, 10_200_000L, 2, 9_700_000L, 3},
                        "b", new long[] {20_000_000L, 20_050_000L, 0, -1, 1}));
        assertEquals(1, n.earlyJobs());
        assertEquals(2, n.earlyPolls());
        assertEquals(0.3, n.earlyBy(), 1e-9);
        assertEquals(4, n.polls());
    }

    private static ScaleSuite.Run run(Workload w, double wall, int threads, long requests, String vendor, Jvm jvm) {
        return run(w, wall, threads, requests, vendor, jvm, ScaleSuite.Notice.NONE);
    }

    private static ScaleSuite.Run run(Workload w, double wall, int threads, long requests, String vendor, Jvm jvm,
                                      ScaleSuite.Notice notice) {
        ScaleResult r = new ScaleResult(w.jobs(), w.jobs(), 0, null, wall, 1.5, 0.5, 1.0, 1.2, threads,
                Map.of("main", 1, "videogen4j-call-#", threads - 10), 100L << 20, 5L << 20, 25L << 20, w.jobs(), 7.0,
                Map.of(), null, 3.0, 0.95, 1.2, 0.3);
        Map<String, Object> json = Map.of("httpRequests", Map.of(vendor, requests),
                "requests", Map.of(vendor + ".submit", (long) w.jobs()));
        return new ScaleSuite.Run("videogen4j, " + w.label(), w, r, new RemoteEmulator.Stats(json), vendor, 1.0, 30,
                jvm, notice, 6.2);
    }
}
