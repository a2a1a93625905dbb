package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches another process from the outside (Linux {@code /proc}): its CPU time, and the most threads it had at
 * once, sampled every 100 ms. The harness uses it on the emulator, which cannot be asked while it is busy
 * serving, to tell whether the emulator rather than the client bounded a run.
 *
 * <pre>{@code
 * ProcessWatch w = ProcessWatch.start(child.pid());
 * ... run ...
 * int threads = w.peakThreads();
 * }</pre>
 */
final class ProcessWatch implements AutoCloseable {
    private static final double TICK_SECONDS = 0.01;   // USER_HZ is 100 on Linux

    private final long pid;
    private final AtomicInteger peak = new AtomicInteger(-1);
    private volatile double cpuBefore;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "process-watch");
        t.setDaemon(true);
        return t;
    });

    private ProcessWatch(long pid) {
        this.pid = pid;
    }

    static ProcessWatch start(long pid) {
        ProcessWatch w = new ProcessWatch(pid);
        w.sampler.scheduleWithFixedDelay(w::sample, 0, 100, TimeUnit.MILLISECONDS);
        return w;
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("Threads:")) peak.accumulateAndGet(Integer.parseInt(line.substring(8).trim()), Math::max);
            }
        } catch (IOException | RuntimeException goneOrNotLinux) {
            // the last figure stands
        }
    }

    int peakThreads() {
        return peak.get();
    }

    /**
     * Counts from now on: CPU seconds from here, and the peak from the threads alive now (those a warm-up left
     * running still count, as they are there while the measured work runs).
     */
    void restart() {
        double cpu = totalCpuSeconds();
        cpuBefore = Math.max(0, cpu);
        peak.set(-1);
        sample();
    }

    /** User plus system CPU seconds the process has used (since {@link #restart}, if called), or -1 when unknown. */
    double cpuSeconds() {
        double cpu = totalCpuSeconds();
        return cpu < 0 ? -1 : cpu - cpuBefore;
    }

    private double totalCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_SECONDS;
        } catch (IOException | RuntimeException goneOrNotLinux) {
            return -1;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
