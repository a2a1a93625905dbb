package dev.videogen4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutableClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void movesOnlyWhenAdvanced() {
        MutableClock clock = MutableClock.startingAt(T0);
        assertEquals(T0, clock.instant());
        assertEquals(T0.plusSeconds(5), clock.advance(Duration.ofSeconds(5)));
        clock.advanceTo(T0.plusSeconds(9));
        assertEquals(T0.plusSeconds(9), clock.instant());
        assertEquals(T0.plusSeconds(9).toEpochMilli(), clock.millis());
    }

    @Test
    void neverGoesBackwards() {
        MutableClock clock = MutableClock.startingAt(T0);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(T0.minusSeconds(1)));
    }

    @Test
    void zonedViewsShareTheInstant() {
        MutableClock clock = MutableClock.startingAt(T0);
        java.time.Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(T0.plusSeconds(60), paris.instant());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }

    @Test
    void concurrentAdvancesAreNotLost() throws Exception {
        MutableClock clock = MutableClock.startingAt(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 1000; i++) {
            pool.execute(() -> clock.advance(Duration.ofMillis(1)));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        assertEquals(T0.plusSeconds(1), clock.instant());
    }
}
