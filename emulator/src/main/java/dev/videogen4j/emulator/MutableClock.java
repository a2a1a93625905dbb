package dev.videogen4j.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to, so tests can step through minutes of simulated
 * time without sleeping. Thread-safe: any thread may read it while another advances it.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * ProviderEmulator emu = ProviderEmulator.builder().clock(clock).start();
 * // ... submit a job ...
 * clock.advance(Duration.ofSeconds(30));   // the job is now finished
 * }</pre>
 *
 * <p>Clocks derived with {@link #withZone(ZoneId)} share the same instant, so advancing one
 * advances all of them. Time never goes backwards: negative advances are rejected, because the
 * emulator (and a job engine sharing this clock) may rely on monotonic time.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Returns a clock frozen at {@code start}, in UTC. */
    public static MutableClock startingAt(Instant start) {
        Objects.requireNonNull(start, "start == null");
        return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** Moves time forward by {@code amount} (zero is allowed) and returns the new instant. */
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount == null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount < 0: " + amount);
        }
        return now.updateAndGet(current -> current.plus(amount));
    }

    /** Moves time forward to {@code instant}; it must not be earlier than the current time. */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant == null");
        now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException(instant + " is before the current time " + current);
            }
            return instant;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        Objects.requireNonNull(newZone, "zone == null");
        return newZone.equals(zone) ? this : new MutableClock(now, newZone);
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
