package dev.videogen4j.emulator.internal;

import java.util.Random;
import java.util.UUID;

/**
 * A thread-safe random stream derived from the emulator seed. The emulator keeps separate
 * streams for ids, fault draws and job failures, so turning faults on does not change the ids a
 * test sees.
 */
public final class SeededRandom {
    private final Random random;

    public SeededRandom(long seed, int stream) {
        this.random = new Random(seed * 0x9E3779B97F4A7C15L + stream);
    }

    /** A random (version 4) UUID. */
    public synchronized UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least);
    }

    /** A generation seed in the range Runware shows in its examples (non-negative 31-bit). */
    public synchronized long generationSeed() {
        return random.nextInt(Integer.MAX_VALUE);
    }

    /** Uniform in [0, 1). */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }
}
