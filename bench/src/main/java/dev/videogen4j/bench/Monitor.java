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
