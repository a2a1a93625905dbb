package dev.videogen4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to. Give it to {@code VideoClient.builder().clock(...)} and to a
 * {@link VirtualScheduler}; the scheduler advances it as it runs tasks.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.start();
 * clock.advance(Duration.ofSeconds(5));
 * clock.instant();   // 2025-01-01T00:00:05Z
 * }</pre>
 */
public final class MutableClock extends Clock {
    /** Where {@link #start()} begins: a fixed instant, so assertions can name exact times. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static MutableClock start() {
        return at(START);
    }

    public static MutableClock at(Instant instant) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant == null")), ZoneOffset.UTC);
    }

    /** Moves time forward; time never goes back. */
    public void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("time does not go back: " + d);
        now.updateAndGet(t -> t.plus(d));
    }

    /** Jumps to {@code instant}, which must not be earlier than now. */
    public void set(Instant instant) {
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) throw new IllegalArgumentException("time does not go back: " + t + " -> " + instant);
            return instant;
        });
    }

    /** Time elapsed since {@link #START}, for assertions like {@code assertEquals(Duration.ofSeconds(9), clock.elapsed())}. */
    public Duration elapsed() {
        return Duration.between(START, instant());
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's time. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + "]";
    }
}
