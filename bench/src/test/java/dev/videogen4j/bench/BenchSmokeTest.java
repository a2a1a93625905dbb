package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.EmulatorStats;
import dev.videogen4j.emulator.ProviderEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each harness on a handful of jobs against an in-process emulator with no latency and no processing time, so
 * the benchmark keeps working as the library changes. It checks what the harness counts, never how fast.
 */
class BenchSmokeTest {
    private ProviderEmulator emulator;

    @BeforeEach
    void start() {
        emulator = ProviderEmulator.builder().seed(11L).timing(Duration.ZERO, Duration.ZERO).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void b1EveryRunwareClientMakesTheSameTwoRequestsPerJob() throws Exception {
        Map<String, Object> r = OverheadWorker.run("runware", emulator.baseUrl(), 1, 5, 0);
        EmulatorStats stats = emulator.stats();
        // three timed variants of 5 jobs, then the hand-written and videogen4j clients once more for allocation
        assertEquals(25, stats.requests("runware.videoInference"));
        assertEquals(25, stats.requests("runware.getResponse"));
        assertEquals(50, stats.httpRequests("runware"));
        assertMeasured(r);
    }

    @Test
    void b1EveryFalClientMakesTheSameThreeRequestsPerJob() throws Exception {
        Map<String, Object> r = OverheadWorker.run("fal", emulator.baseUrl(), 1, 5, 0);
        EmulatorStats stats = emulator.stats();
        assertEquals(25, stats.requests("fal.submit"));
        // the hand-written clients poll the status once; videogen4j may follow fal's status stream instead
        assertEquals(25, stats.requests("fal.status") + stats.requests("fal.stream"));
        assertEquals(25, stats.requests("fal.result"));
        assertEquals(75, stats.httpRequests("fal"));
        assertMeasured(r);
    }

    @Test
    void b2RunsEveryJobToItsEndWithBatchedRequests() throws Exception {
        ScaleResult r = ScaleWorker.run(new Workload("runware", 50, Duration.ZERO, Duration.ZERO, Duration.ZERO, true,
                false), emulator.baseUrl());
        assertEquals(50, r.completed());
        assertEquals(0, r.failed());
        assertEquals(50, emulator.stats().billableJobs("runware"));
        assertTrue(emulator.stats().httpRequests("runware") < 100,
                "50 submits and 50 polls in fewer requests than one each: " + emulator.stats().httpRequests("runware"));
        assertTrue(r.peakThreads() > 0 && r.peakHeap() > 0 && r.threadsAtPeak().containsKey("main"));
    }

    @Test
    void b2WarmUpBurstRunsBeforeTheMeasuredJobsAndIsNotCounted() throws Exception {
        Workload w = new Workload("runware", 5, Duration.ZERO, Duration.ZERO, Duration.ZERO, false, false).afterBurst(8);
        long[] jobsAtMark = {-1};
        ScaleResult r = ScaleWorker.run(w, emulator.baseUrl(),
                () -> jobsAtMark[0] = emulator.stats().billableJobs("runware"));
        assertEquals(1 + 8, jobsAtMark[0], "the warm-up job and the whole burst before the counters are noted");
        assertEquals(1 + 8 + 5, emulator.stats().billableJobs("runware"));
        assertEquals(5, r.jobs());
        assertEquals(5, r.completed());
        assertEquals(5, r.measuredDoneAt().size(), "only the measured jobs carry notice delays");
    }

    @Test
    void b3JobsWithWebhooksAreCompletedByTheirWebhooksWithoutPolls() throws Exception {
        ScaleResult r = ScaleWorker.run(new Workload("fal", 10, Duration.ZERO, Duration.ZERO, null, false, true),
                emulator.baseUrl());
        assertEquals(10, r.completed());
        EmulatorStats stats = emulator.stats();
        assertEquals(10, stats.requests("fal.submit"));
        assertEquals(0, stats.requests("fal.status"));
        assertEquals(0, stats.requests("fal.result"), "the verified webhook carried the video");
    }

    @Test
    void b4FalsOwnClientRunsOnThisBuildsOkHttp() throws Exception {
        ScaleResult r = FalClientWorker.run(5, 0, emulator.baseUrl());
        assertEquals(5, r.completed(), "first error: " + r.firstError());
        EmulatorStats stats = emulator.stats();
        assertEquals(5, stats.requests("fal.submit"));
        assertEquals(5, stats.requests("fal.stream"));
        assertEquals(5, stats.requests("fal.result"));
    }

    @Test
    void n1MatchesEveryJobToItsEndOnTheVendorsSide() throws Exception {
        Workload w = new Workload("fal", 6, Duration.ZERO, Duration.ZERO, null, false, false).inWaves(2, Duration.ofMillis(30));
        ScaleResult r = ScaleWorker.run(w, emulator.baseUrl());
        assertEquals(6, r.completed());
        Map<String, long[]> ends = EmulatorMain.jobEnds(emulator).get("fal");
        assertEquals(ends.keySet(), r.doneAt().keySet(), "every job the client finished is one the emulator accepted");
        ScaleSuite.Notice n = ScaleSuite.Notice.of(r.doneAt(), ends);
        assertEquals(6, n.jobs());
        assertTrue(n.p50() >= 0 && n.max() < 60 && n.waitP50() >= 0 && n.answerP50() >= 0, String.valueOf(n));
    }

    @Test
    void n1FalsOwnClientReportsItsRequestIds() throws Exception {
        ScaleResult r = FalClientWorker.run(3, 0, emulator.baseUrl());
        assertEquals(EmulatorMain.jobEnds(emulator).get("fal").keySet(), r.doneAt().keySet());
    }

    @SuppressWarnings("unchecked")
    private static void assertMeasured(Map<String, Object> r) {
        Map<String, List<double[]>> blocks = (Map<String, List<double[]>>) r.get("blocks");
        assertEquals(OverheadWorker.VARIANTS, List.copyOf(blocks.keySet()));
        blocks.values().forEach(b -> {
            assertEquals(1, b.size());
            assertEquals(7, b.get(0).length);
            assertTrue(b.get(0)[2] > 0, "bytes per job measured");
        });
        Map<String, Map<String, Double>> alloc = (Map<String, Map<String, Double>>) r.get("alloc");
        // recorded for both clients; on five jobs the sample may hold too few events to charge any layer
        assertEquals(List.of("handwritten", "videogen4j"), List.copyOf(alloc.keySet()));
        Map<String, double[]> latency = (Map<String, double[]>) r.get("latency");
        OverheadWorker.VARIANTS.forEach(v -> assertTrue(latency.get(v)[0] > 0, "every lifecycle of " + v + " timed"));
    }
}
