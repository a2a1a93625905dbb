package dev.videogen4j.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this process's CPU time goes, cumulatively in nanoseconds: user and system time from Linux's
 * {@code /proc/self/stat} (-1 elsewhere), time the JIT compilers spent, and time spent in garbage collection
 * (both as the JVM reports them). Take it before and after a block and subtract.
 *
 * <pre>{@code
 * long[] before = CpuSplit.now();
 * ... work ...
 * long systemNanos = CpuSplit.now()[1] - before[1];
 * }</pre>
 */
final class CpuSplit {
    private static final long TICK_NANOS = 10_000_000L;   // USER_HZ is 100 on Linux

    private CpuSplit() {
    }

    /** {@code [user, system, JIT, GC]} nanoseconds since the JVM started. */
    static long[] now() {
        long[] us = userSystem();
        long gc = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, g.getCollectionTime());
        }
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        return new long[] {us[0], us[1], jit * 1_000_000L, gc * 1_000_000L};
    }

    private static long[] userSystem() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]) * TICK_NANOS, Long.parseLong(f[12]) * TICK_NANOS};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {-1, -1};
        }
    }
}
