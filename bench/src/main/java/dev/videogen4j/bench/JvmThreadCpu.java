package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time this JVM's own threads used so far, read from Linux's {@code /proc/self/task}: its JIT compiler threads
 * and its garbage collector's. Neither is a Java thread, so no MXBean reports them per thread, and B2's submit phase
 * runs on a client that has run one job before: it compiles while it submits, which B1's warmed-up figures exclude.
 *
 * <pre>{@code
 * JvmThreadCpu before = JvmThreadCpu.now();
 * ...
 * JvmThreadCpu spent = JvmThreadCpu.now().minus(before);   // spent.jitSeconds(), spent.gcSeconds()
 * }</pre>
 *
 * @param jitTicks clock ticks (user + system) of the C1/C2 compiler threads, -1 when unknown (not Linux)
 * @param gcTicks  clock ticks of the GC threads (parallel, concurrent, refinement, service), -1 when unknown
 */
record JvmThreadCpu(long jitTicks, long gcTicks) {
    private static final double TICK_SECONDS = 0.01;   // USER_HZ is 100 on Linux
    static final JvmThreadCpu UNKNOWN = new JvmThreadCpu(-1, -1);

    static JvmThreadCpu now() {
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;   // the thread ended between the listing and the read
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime + stime
                if (name.contains("CompilerThre")) jit += ticks;
                else if (isGc(name)) gc += ticks;
            }
        } catch (IOException | RuntimeException notLinux) {
            return UNKNOWN;
        }
        return new JvmThreadCpu(jit, gc);
    }

    // HotSpot's names, cut to 15 characters by Linux: "GC Thread#0", "G1 Conc#0", "G1 Refine#0", "G1 Service"...
    private static boolean isGc(String name) {
        return name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("ZWorker")
                || name.startsWith("ZDriver") || name.startsWith("Shenandoah");
    }

    JvmThreadCpu minus(JvmThreadCpu before) {
        if (jitTicks < 0 || before.jitTicks < 0) return UNKNOWN;
        return new JvmThreadCpu(jitTicks - before.jitTicks, gcTicks - before.gcTicks);
    }

    double jitSeconds() {
        return jitTicks < 0 ? -1 : jitTicks * TICK_SECONDS;
    }

    double gcSeconds() {
        return gcTicks < 0 ? -1 : gcTicks * TICK_SECONDS;
    }
}
