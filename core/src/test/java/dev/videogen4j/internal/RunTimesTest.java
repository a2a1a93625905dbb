package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one finished job teaches about its model, and where the estimate settles over many jobs. */
class RunTimesTest {
    private static RunTimes.Estimate e(long millis, long deviation) {
        return new RunTimes.Estimate(millis, deviation, 0);
    }

    private static RunTimes.Estimate e(long millis, long deviation, long spread) {
        return new RunTimes.Estimate(millis, deviation, spread);
    }

    @Test
    void firstJobTeachesTheMiddleOfANarrowWindowAndAPointNearTheStartOfAWideOne() {
        // the end is somewhere in the window: its half width is the spread; how the model's jobs vary one job
        // cannot say: 50 ms until a second is seen
        assertEquals(e(10_000, 50, 200), RunTimes.next(null, 9_800L, 10_200));
        // the back-off saw it pending at 9.5 s and done at 16.25 s: half a second past 9.5 s
        assertEquals(e(10_000, 50, 500), RunTimes.next(null, 9_500L, 16_250));
        // a scout saw it pending at 9.5 s and done at 10 s: the middle
        assertEquals(e(9_750, 50, 250), RunTimes.next(null, 9_500L, 10_000));
        // a stream saw the end itself: no doubt about it
        assertEquals(e(10_030, 50, 0), RunTimes.next(null, 10_030L, 10_030));
        // only a done poll: that is all there is, give or take 5 %
        assertEquals(e(12_000, 600), RunTimes.next(null, null, 12_000));
    }

    @Test
    void theMarginIsTheSpreadTwiceTheDeviationAndATenthOfASecondUpTo2SecondsOr5Percent() {
        assertEquals(100, e(10_000, 0).margin());
        assertEquals(600, e(10_000, 250).margin());
        assertEquals(350, e(10_000, 0, 250).margin());
        assertEquals(2_000, e(10_000, 5_000).margin());
        assertEquals(6_000, e(120_000, 50_000).margin());
    }

    @Test
    void aFirstPollThatFindsTheJobDoneMovesTheEstimateALittleEarlierAndKeepsTheSpread() {
        // margin 850 ms: the sample is 6 ms below, weighted 0.3; the deviation moves a quarter of the way to 6;
        // the spread stays, for a poll that found the job done says nothing of where in its window it ended
        assertEquals(e(10_000 - 2, 189, 250), RunTimes.next(e(10_000, 250, 250), null, 10_850));
        // done before the estimate: that bound is the sample
        assertEquals(e(10_000 - 600, 688), RunTimes.next(e(10_000, 250), null, 8_000));
    }

    @Test
    void anEstimateTooHighIsWornDownEvenWhereItsMarginsCreepIsUnderAMillisecond() {
        // a model's first job was answered late (205 ms), its jobs now end at once: every first poll, 0.1 s past the
        // estimate, finds its job done; at a 100 ms margin a 128th is under a millisecond, and must not round away
        RunTimes.Estimate est = e(205, 0);
        for (int job = 0; job < 100; job++) est = RunTimes.next(est, null, est.millis() + est.margin());
        assertEquals(105, est.millis(), "a millisecond a job");
        for (int job = 0; job < 200; job++) est = RunTimes.next(est, null, est.millis() + est.margin());
        assertEquals(0, est.millis(), "found out: the jobs take no time");
    }

    @Test
    void aBurstWhoseFirstPollsAllCameLateDoesNotWearTheEstimateDown() {
        // B2 after a warm-up burst, on JDK 25: 2,000 jobs aimed at 10,078 + 458 ms, their first polls answered at
        // 10.48..10.61 s on saturated cores, every one finding its job done. At a millisecond a job the old creep
        // took the estimate to 8,078 ms, and the 10,000 jobs after it were polled two seconds early.
        RunTimes.Estimate aimedBy = e(10_078, 150, 58);
        assertEquals(458, aimedBy.margin());
        RunTimes.Estimate est = aimedBy;
        for (int job = 0; job < 2_000; job++) est = RunTimes.next(est, null, 10_480 + job % 140);
        assertTrue(est.millis() >= aimedBy.millis() - RunTimes.latePoll(aimedBy.margin()),
                "worn down no further than half a margin below what aimed the polls: " + est);
        // answered near its aim, a first poll still creeps
        assertEquals(aimedBy.millis() - 1, RunTimes.next(aimedBy, null, 10_078 + 458 + 50).millis());
    }

    @Test
    void aLateJobMovesTheEstimateUpAndTheMarginOutButAnOutlierOnlyBoundedly() {
        // a dense window of 0.5 s: the spread moves a quarter of the way to its half width
        assertEquals(e(10_000 + 225, 375, 63), RunTimes.next(e(10_000, 250), 10_500L, 11_000));
        // stuck in a queue for a minute: counted as 12.4 s (four margins of 0.6 s above; more than a fifth)
        assertEquals(e(10_000 + 720, 788, 63), RunTimes.next(e(10_000, 250), 59_500L, 60_000));
    }

    @Test
    void estimatesAreKeptPerProviderAndModel() {
        RunTimes times = new RunTimes();
        times.learn("runware", "klingai:6@0", Duration.ofMillis(9_800), Duration.ofMillis(10_200));
        assertEquals(Optional.of(new RunTimes.Expected(Duration.ofSeconds(10), Duration.ofMillis(400))),
                times.expected("runware", "klingai:6@0"));
        assertEquals(Optional.empty(), times.expected("runware", "other"));
        assertEquals(Optional.empty(), times.expected("fal", "klingai:6@0"));
    }

    /**
     * 200 jobs of exactly {@code runMillis}, each polled on the schedule its predecessors taught, 50 ms per request;
     * after the first 10: the polls and the worst notice delay (ms).
     */
    private static long[] steady(long runMillis) {
        PollSchedule schedule = new PollSchedule(PollSettings.DEFAULTS, true);
        RunTimes times = new RunTimes();
        long polls = 0;
        long worstNotice = 0;
        for (int job = 0; job < 200; job++) {
            Duration elapsed = Duration.ZERO;
            Duration pending = null;
            for (int n = 0; ; n++) {
                elapsed = elapsed.plus(schedule.next(n, elapsed, times.expected("p", "m").orElse(null)));
                if (job >= 10) polls++;
                Duration answered = elapsed.plusMillis(50);
                if (elapsed.toMillis() < runMillis) {
                    pending = answered;
                    continue;
                }
                times.learn("p", "m", pending, answered);
                if (job >= 10) worstNotice = Math.max(worstNotice, answered.toMillis() - runMillis);
                break;
            }
        }
        return new long[] {polls, worstNotice};
    }

    @Test
    void steadyJobsAreFoundDoneByTheirFirstPollAndNoticedWithinASecond() {
        long[] ten = steady(10_000);
        assertTrue(ten[0] <= 190 * 1.05, "polls for 190 jobs of 10 s: " + ten[0]);
        // the first job, on the back-off, bounded the run time only to 9.5..16.25 s: half a second of spread stays
        // in the margin until a job is found running (a scout would have left a quarter second)
        assertTrue(ten[1] <= 750, "worst notice delay of 10 s jobs (ms): " + ten[1]);
        long[] twoMinutes = steady(120_000);
        assertTrue(twoMinutes[0] <= 190 * 1.05, "polls for 190 jobs of 120 s: " + twoMinutes[0]);
        assertTrue(twoMinutes[1] <= 1_000, "worst notice delay of 120 s jobs (ms): " + twoMinutes[1]);
    }
}
