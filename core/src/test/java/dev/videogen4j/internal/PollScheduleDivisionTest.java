package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollScheduleDivisionTest {
    @Test
    void dividesExactlyAsDurationDoes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 10_000; i++) {
            Duration d = Duration.ofSeconds(random.nextLong(-1_000_000, 1_000_000), random.nextInt(1_000_000_000));
            int k = random.nextInt(1, 8);
            assertEquals(d.dividedBy(k), PollSchedule.divided(d, k), d + " / " + k);
        }
        assertEquals(Duration.ofMillis(2_500), PollSchedule.divided(Duration.ofSeconds(10), 4));
        assertEquals(Duration.ofNanos(1), PollSchedule.divided(Duration.ofNanos(7), 4));
        assertEquals(Duration.ZERO, PollSchedule.divided(Duration.ZERO, 2));
    }
}
