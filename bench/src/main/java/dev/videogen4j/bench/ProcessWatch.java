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

    /** User plus system CPU seconds the process has used, or -1 when it cannot be read. */
    double cpuSeconds() {
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
