package dev.videogen4j.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Windows of emulator-clock time during which a vendor answers every request with 503. */
public final class ProviderOutages {
    private final Map<String, Instant> downUntil = new ConcurrentHashMap<>();

    /** Replaces any earlier window: {@code vendor} is down from {@code now} for {@code duration}. */
    public void down(String vendor, Instant now, Duration duration) {
        downUntil.put(vendor, now.plus(duration));
    }

    public boolean isDown(String vendor, Instant now) {
        Instant until = downUntil.get(vendor);
        return until != null && now.isBefore(until);
    }
}
