package dev.videogen4j.jobs.jdbc.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How one instance runs the shared polls.
 *
 * @param instanceId        this instance's name in {@code picked_by} (unique per running instance)
 * @param threads           polls run at once on this instance
 * @param checkInterval     how often the instance looks for due polls (a due poll waits at most this long)
 * @param heartbeat         how often a running poll is marked alive
 * @param missedHeartbeats  after this many missed heartbeats another instance revives the poll
 * @param retryAfterFailure when a poll that threw is tried again
 * @param shutdownWait      how long {@code close()} waits for running polls
 * @param orphanAfter       a submit still unanswered after this long is taken for one whose instance died
 */
public record WorkerSettings(String instanceId, int threads, Duration checkInterval, Duration heartbeat,
                             int missedHeartbeats, Duration retryAfterFailure, Duration shutdownWait,
                             Duration orphanAfter) {
    public WorkerSettings {
        Objects.requireNonNull(instanceId, "instanceId == null");
        if (instanceId.isBlank() || instanceId.length() > 100) {
            throw new IllegalArgumentException("instanceId must be 1-100 characters: '" + instanceId + "'");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1: " + threads);
        }
        if (missedHeartbeats < 1) {
            throw new IllegalArgumentException("missedHeartbeats < 1: " + missedHeartbeats);
        }
        positive("checkInterval", checkInterval);
        positive("heartbeat", heartbeat);
        positive("retryAfterFailure", retryAfterFailure);
        positive("shutdownWait", shutdownWait);
        positive("orphanAfter", orphanAfter);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** A poll of a dead instance is revived after this long. */
    public Duration revivedAfter() {
        return heartbeat.multipliedBy(missedHeartbeats);
    }
}
