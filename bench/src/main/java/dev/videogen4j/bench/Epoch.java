package dev.videogen4j.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link System#nanoTime()} readings as microseconds since the epoch, so instants taken in two processes on this
 * machine (a client's result in hand, the emulator's end of a job) can be subtracted: both sides map their own
 * monotonic clock onto the wall clock they share, once, and keep its precision from then on.
 *
 * <pre>{@code
 * Epoch clock = new Epoch();
 * long doneAt = clock.micros(System.nanoTime());
 * }</pre>
 */
final class Epoch {
    private final long nanos0 = System.nanoTime();
    private final long micros0 = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());

    long micros(long nanoTime) {
        return micros0 + (nanoTime - nanos0) / 1000;
    }
}
