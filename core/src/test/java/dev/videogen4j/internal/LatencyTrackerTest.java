package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyTrackerTest {
    @Test
    void keepsAWeightedAveragePerProviderAndModel() {
        LatencyTracker t = new LatencyTracker();
        t.record("fal", "a/b", Duration.ofSeconds(10));
        t.record("fal", "a/b", Duration.ofSeconds(20));
        t.record("fal/a", "b", Duration.ofSeconds(1));

        assertEquals(Optional.of(Duration.ofSeconds(13)), t.estimate("fal", "a/b"));   // 10 + 0.3 * (20 - 10)
        assertEquals(Optional.of(Duration.ofSeconds(1)), t.estimate("fal/a", "b"));
        assertEquals(Optional.empty(), t.estimate("fal", "b"));
        assertEquals(Optional.empty(), t.estimate("runware", "a/b"));
    }
}
