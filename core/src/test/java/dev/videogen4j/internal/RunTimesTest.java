package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one finished job teaches about its model, and where the estimate settles over many jobs. */
class RunTimesTest {
    @Test
    void firstJobTeachesTheMiddleOfANarrowWindowAndTheStartOfAWideOne() {
        assertEquals(10_000, RunTimes.next(null, 9_800L, 10_200));
        // the back-off saw it pending at 9.5 s and done at 16.25 s: just past 9.5 s
        assertEquals(9_750, RunTimes.next(null, 9_500L, 16_250));
        // a stream saw the end itself
        assertEquals(10_030, RunTimes.next(null, 10_030L, 10_030));
        // only a done poll: that is all there is
        assertEquals(12_000, RunTimes.next(null, null, 12_000));
    }

    @Test
    void aFirstPollThatFindsTheJobDoneMovesTheEstimateALittleEarlier() {
        // margin 500 ms: the sample is 31 ms below, weighted 0.3
        assertEquals(10_000 - 9, RunTimes.next(10_000L, null, 10_500));
        // done before the estimate: that bound is the sample
        assertEquals(10_000 - 600, RunTimes.next(10_000L, null, 8_000));
    }

    @Test
    void aLateJobMovesTheEstimateUpButAnOutlierOnlyByFourMargins() {
        assertEquals(10_000 + 225, RunTimes.next(10_000L, 10_500L, 11_000));
        // stuck in a queue for a minute: counted as 12 s
        assertEquals(10_000 + 600, RunTimes.next(10_000L, 59_500L, 60_000));
    }

    @Test
    void estimatesAreKeptPerProviderAndModel() {
        RunTimes times = new RunTimes();
        times.learn("runware", "klingai:6@0", Duration.ofMillis(9_800), Duration.ofMillis(10_200));
        assertEquals(Optional.of(Duration.ofSeconds(10)), times.expected("runware", "klingai:6@0"));
        assertEquals(Optional.empty(), times.expected("runware", "other"));
        assertEquals(Optional.empty(), times.expected("fal", "klingai:6@0"));
    }

    /** 200 jobs of exactly 10 s, each polled on the schedule its predecessors taught; 50 ms per request. */
    @Test
    void steadyJobsAreFoundDoneByTheirFirstPollAndNoticedWithinASecond() {
        PollSchedule schedule = new PollSchedule(PollSettings.DEFAULTS, true);
        RunTimes times = new RunTimes();
        long runMillis = 10_000;
        int polls = 0;
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
        assertTrue(polls <= 190 * 1.1, "polls for 190 jobs after the first 10: " + polls);
        assertTrue(worstNotice <= 1_000, "worst notice delay (ms): " + worstNotice);
    }
}
