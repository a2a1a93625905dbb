package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The schedule is arithmetic: when each poll of a job goes out, with and without a learned run time. */
class PollScheduleTest {
    private static final PollSchedule ADAPTIVE = new PollSchedule(PollSettings.DEFAULTS, true);
    private static final RunTimes.Expected TEN = new RunTimes.Expected(Duration.ofSeconds(10), Duration.ofMillis(500));
    private static final RunTimes.Expected TWO_MINUTES = new RunTimes.Expected(Duration.ofSeconds(120), Duration.ofSeconds(2));

    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void withoutHistoryTheConfiguredBackOffIsTheSchedule() {
        assertEquals(s(2), ADAPTIVE.next(0, Duration.ZERO, null));
        assertEquals(s(3), ADAPTIVE.next(1, s(2), null));
        assertEquals(s(4.5), ADAPTIVE.next(2, s(5), null));
        assertEquals(s(10), ADAPTIVE.next(9, s(60), null));
        assertEquals(s(10), ADAPTIVE.nextByAge(s(60), null));
    }

    @Test
    void learningSwitchedOffIgnoresTheExpectedRunTime() {
        PollSchedule off = new PollSchedule(PollSettings.DEFAULTS, false);
        assertEquals(s(2), off.next(0, Duration.ZERO, TEN));
        assertEquals(s(3), off.next(1, s(2), TEN));
    }

    @Test
    void firstPollGoesJustAfterTheExpectedEndWhereverTheJobIsNow() {
        // margin 0.5 s
        assertEquals(s(10.5), ADAPTIVE.next(0, Duration.ZERO, TEN));
        assertEquals(s(7.5), ADAPTIVE.next(0, s(3), TEN));
        // a resumed job known to be older: only the rest of the wait
        assertEquals(s(0.5), ADAPTIVE.nextByAge(s(10), TEN));
    }

    @Test
    void lateJobIsPolledEveryHalfSecondForFiveSecondsThenBacksOffToTheCeiling() {
        assertEquals(s(0.5), ADAPTIVE.next(1, s(10.5), TEN));
        assertEquals(s(0.5), ADAPTIVE.next(5, s(15.4), TEN));
        // 10 s overdue: half of it
        assertEquals(s(5), ADAPTIVE.next(12, s(20.5), TEN));
        // far overdue: the configured ceiling
        assertEquals(s(10), ADAPTIVE.next(20, s(100), TEN));
    }

    @Test
    void theDenseWindowGrowsWithTheRunTime() {
        assertEquals(s(122), ADAPTIVE.next(0, Duration.ZERO, TWO_MINUTES));
        // 120 s jobs: a quarter of their run time dense, then back off
        assertEquals(s(0.5), ADAPTIVE.next(3, s(151.9), TWO_MINUTES));
        assertEquals(s(10), ADAPTIVE.next(4, s(152.5), TWO_MINUTES));
    }

    @Test
    void aConfiguredCeilingBelowHalfASecondBoundsTheMarginAndTheDensePolls() {
        PollSchedule fast = new PollSchedule(new PollSettings(s(0.05), 1.0, s(0.1)), true);
        assertEquals(s(10.1), fast.next(0, Duration.ZERO, TEN));
        assertEquals(s(0.1), fast.next(3, s(10.6), TEN));
        assertEquals(s(0.1), fast.next(30, s(60), TEN));
    }

    @Test
    void pollingAsSoonAsAnAnswerIsInStaysSoWhateverWasLearned() {
        PollSchedule asap = new PollSchedule(new PollSettings(Duration.ZERO, 1.0, Duration.ZERO), true);
        RunTimes.Expected instant = new RunTimes.Expected(s(0.001), s(0.1));
        assertEquals(Duration.ZERO, asap.next(0, Duration.ZERO, instant));
        assertEquals(Duration.ZERO, asap.next(1, s(0.002), instant));
        assertEquals(Duration.ZERO, asap.scout(s(5), true));
    }

    @Test
    void aScoutIsPolledEveryHalfSecondForTwoMinutesThenA240thOfItsAgeUpToTheCeiling() {
        assertEquals(s(0.5), ADAPTIVE.scout(Duration.ZERO, false));
        assertEquals(s(0.5), ADAPTIVE.scout(s(14), false));
        // a 2 min job's end is known within half a second, not within the 4 s of a thirtieth of its age
        assertEquals(s(0.5), ADAPTIVE.scout(s(119), false));
        assertEquals(s(1), ADAPTIVE.scout(s(240), false));
        assertEquals(s(2.5), ADAPTIVE.scout(s(600), false));
        assertEquals(s(10), ADAPTIVE.scout(s(3_600), false));
        // a configured schedule's first delay is a floor: polled every 2 s, not every 0.5 s
        assertEquals(s(2), ADAPTIVE.scout(Duration.ZERO, true));
    }
}
