package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.runware.internal.RunwareJobMemory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunwareJobMemoryTest {
    private static RunwareJobMemory.Video video(String id) {
        return new RunwareJobMemory.Video(new GeneratedVideo("https://x/" + id + ".mp4", id, "video/mp4", null, null), BigDecimal.ONE);
    }

    @Test
    void deduplicatesByVideoIdAndKeepsTheExpectedCount() {
        RunwareJobMemory m = new RunwareJobMemory(10);
        m.expect("t", 2);
        m.collect("t", List.of(video("a")));
        RunwareJobMemory.Snapshot s = m.collect("t", List.of(video("a"), video("b")));
        assertEquals(2, s.expected());
        assertEquals(2, s.videos().size());
    }

    @Test
    void isBoundedAndForgetsTheLeastRecentlyUsedJob() {
        RunwareJobMemory m = new RunwareJobMemory(2);
        m.expect("old", 4);
        m.expect("mid", 4);
        m.collect("old", List.of());          // touch: "mid" is now the eldest
        m.expect("new", 4);
        assertEquals(4, m.collect("old", List.of()).expected());
        assertNull(m.collect("mid", List.of()).expected(), "evicted: falls back to the unknown-count rule");
        assertThrows(IllegalArgumentException.class, () -> new RunwareJobMemory(0));
    }

    @Test
    void aPollOfAnUnknownJobWithNothingFoundStoresNothing() {
        RunwareJobMemory m = new RunwareJobMemory(1);
        m.expect("kept", 3);
        m.collect("stranger", List.of());
        assertEquals(3, m.collect("kept", List.of()).expected());
    }
}
