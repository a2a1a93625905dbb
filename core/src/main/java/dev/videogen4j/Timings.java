package dev.videogen4j;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a job's time went: waiting in the provider's queue, running, and in total (submit to result).
 * Measured by videogen4j from the statuses it observed, so queue and run are accurate to one poll interval.
 *
 * <pre>{@code
 * Timings t = result.timings();
 * System.out.printf("queued %ds, ran %ds%n", t.queue().toSeconds(), t.run().toSeconds());
 * }</pre>
 */
public record Timings(Duration queue, Duration run, Duration total) {
    public static final Timings ZERO = new Timings(Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public Timings {
        Objects.requireNonNull(queue, "queue == null");
        Objects.requireNonNull(run, "run == null");
        Objects.requireNonNull(total, "total == null");
    }
}
