package dev.videogen4j.emulator.internal.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a real clock a status stream sleeps until its job's next change (capped), instead of waking every 10 ms: what
 * lets one emulator hold ten thousand open streams.
 */
class FalStatusStreamPauseTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static FalJob job(long queueMillis, long runMillis) {
        Instant start = T0.plusMillis(queueMillis);
        return new FalJob("req-1", FalModels.find("fal-ai/kling-video/v2.5-turbo/standard/image-to-video"), 1, start,
                start.plusMillis(runMillis), null, false, List.of(), 5, null);
    }

    @Test
    void aRunningJobSleepsJustPastItsEndAndAtMostASecond() {
        FalJob job = job(0, 10_000);
        assertEquals(1000, FalStatusStream.untilNextChange(job, false, T0), "capped: a cancel or close shows within 1 s");
        assertEquals(301, FalStatusStream.untilNextChange(job, false, T0.plusMillis(9_700)), "wakes 1 ms after the end");
        assertEquals(1, FalStatusStream.untilNextChange(job, false, T0.plusMillis(10_000)), "never less than 1 ms");
    }

    @Test
    void aQueuedJobWakesAtItsStartAndLogLinesAreEachAChange() {
        FalJob job = job(200, 2_000);
        assertEquals(201, FalStatusStream.untilNextChange(job, false, T0), "IN_QUEUE → IN_PROGRESS");
        // with logs, the 25 % line at 200 + 500 ms is the next change after the start
        assertEquals(101, FalStatusStream.untilNextChange(job, true, T0.plusMillis(600)));
        assertEquals(1000, FalStatusStream.untilNextChange(job, false, T0.plusMillis(900)),
                "without logs only the end counts, 1.3 s away: capped at 1 s");
    }
}
