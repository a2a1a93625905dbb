package dev.videogen4j.emulator.internal;

import java.time.Duration;
import java.util.Map;

/**
 * How long a job waits in the queue and then runs, in emulator-clock time, per native model id
 * ({@code klingai:6@0}) or fal endpoint id, with a default for everything else.
 */
public final class Timings {
    /** Queue wait and run time of one job. */
    public record Timing(Duration queue, Duration run) {}

    private final Timing defaults;
    private final Map<String, Timing> overrides;

    public Timings(Timing defaults, Map<String, Timing> overrides) {
        this.defaults = defaults;
        this.overrides = Map.copyOf(overrides);
    }

    public Timing forModel(String modelOrEndpoint) {
        return overrides.getOrDefault(modelOrEndpoint, defaults);
    }
}
