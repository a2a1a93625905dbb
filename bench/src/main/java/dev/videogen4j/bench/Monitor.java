package dev.videogen4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run costs the JVM it runs in, sampled from the calling thread (no thread of its own, so it does not
 * count itself): live platform threads (exact peak from the JVM, and which threads they were at the largest
 * sample, from a thread dump), heap in use, CPU time.
 *
 * <pre>{@code
 * Monitor m = new Monitor();
 * m.reset();
 * while (!done) { m.sample(); ... }
 * int threads = m.peakThreads();
 * }</pre>
 */
final class Monitor {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private int sampledPeak;
    private Map<String, Integer> threadsAtPeak = Map.of();
    private long peakHeap;

    void reset() {
        threads.resetPeakThreadCount();
        sampledPeak = 0;
        peakHeap = 0;
        sample();
    }

    void sample() {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        int now = threads.getThreadCount();
        if (now > sampledPeak) {
            sampledPeak = now;
            threadsAtPeak = dump();
        }
    }

    /** The JVM's own count: every platform thread that was alive at once, daemon or not, since {@link #reset}. */
    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    /** Thread names at the largest sample, numbered pools folded: {@code videogen4j-call-#: 64}. */
    Map<String, Integer> threadsAtPeak() {
        return threadsAtPeak;
    }

    long peakHeap() {
        return peakHeap;
    }

    /** Heap still reachable: used heap right after a full collection. */
    long liveHeap() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The whole machine's CPU ticks since boot, {@code [busy, all]}, from {@code /proc/stat} (every process, the
     * emulator's included); {@code [0, 0]} where there is none. Two readings give how busy the cores were between.
     */
    static long[] machineTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) all += Long.parseLong(f[i]);
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);   // idle + iowait
            return new long[] {all - idle, all};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private Map<String, Integer> dump() {
        Map<String, Integer> byName = new TreeMap<>();
        for (ThreadInfo t : threads.dumpAllThreads(false, false)) {
            if (t != null) byName.merge(t.getThreadName().replaceAll("\\d+$", "#"), 1, Integer::sum);
        }
        return byName;
    }
}
