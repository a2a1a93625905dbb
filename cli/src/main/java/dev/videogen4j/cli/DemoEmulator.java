package dev.videogen4j.cli;

import dev.videogen4j.ProviderDirectory;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.ProviderEmulatorBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the {@link ProviderEmulator} the command uses when no API keys are set: a fixed seed, and short
 * made-up timings that differ per vendor and model (queue 1–2 s, run 2–4 s), so a comparison on the emulator
 * shows latency columns that differ the way real vendors' do. The figures are a demo, not measurements.
 *
 * <pre>{@code
 * ProviderEmulator emu = DemoEmulator.start(Clock.systemUTC(), 0, DemoEmulator.SEED, FaultPlan.none());
 * DemoEmulator.timing("fal", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video");   // [queue, run]
 * }</pre>
 */
public final class DemoEmulator {
    /** The emulated vendors, as provider ids. */
    public static final List<String> VENDORS = List.of("runware", "fal");
    public static final long SEED = 42L;

    private DemoEmulator() {
    }

    public static ProviderEmulator start(Clock clock, int port, long seed, FaultPlan faults) {
        return start(clock, port, seed, faults, null);
    }

    /** As {@link #start(Clock, int, long, FaultPlan)}, also serving the fal models of a user's catalog file. */
    static ProviderEmulator start(Clock clock, int port, long seed, FaultPlan faults, ExtraModels extra) {
        ProviderEmulatorBuilder b = ProviderEmulator.builder().clock(clock).port(port).seed(seed).faults(faults);
        if (extra != null) extra.applyTo(b);
        for (ModelCapabilities m : catalog()) {
            Duration[] t = timing(m.providerId(), m.id());
            try {
                b.timing(m.id(), t[0], t[1]);
            } catch (IllegalArgumentException notEmulated) {
                // a catalog model the emulator does not serve keeps the default timing (and is refused there)
            }
        }
        return b.start();
    }

    /** Queue wait and run time of one provider/model on the demo emulator: 1–2 s and 2–4 s in 100 ms steps. */
    public static Duration[] timing(String provider, String model) {
        int h = Math.floorMod((provider + "/" + model).hashCode(), 11 * 21);
        return new Duration[] {Duration.ofMillis(1000 + 100L * (h % 11)), Duration.ofMillis(2000 + 100L * (h / 11))};
    }

    // The adapters' own catalogs, read from throwaway instances (they make no HTTP call until asked).
    private static List<ModelCapabilities> catalog() {
        ProviderDirectory registry = ProviderDirectory.discover();
        List<ModelCapabilities> all = new ArrayList<>();
        for (String id : VENDORS) {
            try (VideoProvider p = registry.get(id).create(ProviderConfig.of(id, "videogen4j-catalog-only-key", "http://127.0.0.1:9/"))) {
                all.addAll(p.models());
            }
        }
        return all;
    }
}
