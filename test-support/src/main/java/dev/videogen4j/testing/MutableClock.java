package dev.videogen4j.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to, so tests step through minutes of simulated time without
 * sleeping. Give it to {@code VideoClient.builder().clock(...)}, to a {@link VirtualScheduler} (which moves it as
 * it runs tasks) and to {@code ProviderEmulator.builder().clock(...)} (which then does no background work).
 * Thread-safe: any thread may read it while another advances it.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.start();                   // 2025-01-01T00:00:00Z
 * clock.advance(Duration.ofSeconds(5));
 * assertEquals(Duration.ofSeconds(5), clock.elapsed());
 * MutableClock later = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Clocks derived with {@link #withZone(ZoneId)} share the same instant, so advancing one advances all of them.
 * Time never goes backwards: the emulator and a job engine sharing this clock rely on monotonic time.
 */
public final class MutableClock extends Clock {
    /** Where {@link #start()} begins: a fixed instant, so assertions can name exact times. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final Instant origin;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, Instant origin, ZoneId zone) {
        this.now = now;
        this.origin = origin;
        this.zone = zone;
    }

    /** A clock frozen at {@link #START}, in UTC. */
    public static MutableClock start() {
        return startingAt(START);
    }

    /** A clock frozen at {@code start}, in UTC. */
    public static MutableClock startingAt(Instant start) {
        Objects.requireNonNull(start, "start == null");
        return new MutableClock(new AtomicReference<>(start), start, ZoneOffset.UTC);
    }

    /** Moves time forward by {@code amount} (zero is allowed) and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount == null");
        if (amount.isNegative()) throw new IllegalArgumentException("time does not go back: " + amount);
        return now.updateAndGet(current -> current.plus(amount));
    }

    /** Moves time forward to {@code instant}, which must not be earlier than now. */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant == null");
        now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("time does not go back: " + current + " -> " + instant);
            }
            return instant;
        });
    }

    /** Time elapsed since the clock started, for {@code assertEquals(Duration.ofSeconds(9), clock.elapsed())}. */
    public Duration elapsed() {
        return Duration.between(origin, instant());
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
    public Clock withZone(ZoneId newZone) {
        Objects.requireNonNull(newZone, "zone == null");
        return newZone.equals(zone) ? this : new MutableClock(now, origin, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
