package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** B2's split of the submit phase's CPU into the JVM's JIT and GC threads, read from Linux's per-thread stats. */
class JvmThreadCpuTest {
    @Test
    void onLinuxItReadsTheCompilerAndGcThreadsAndTheirGrowthIsNeverNegative() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        JvmThreadCpu before = JvmThreadCpu.now();
        assertTrue(before.jitTicks() >= 0 && before.gcTicks() >= 0, before.toString());
        JvmThreadCpu spent = JvmThreadCpu.now().minus(before);
        assertTrue(spent.jitSeconds() >= 0 && spent.gcSeconds() >= 0, spent.toString());
    }

    @Test
    void anUnknownReadingStaysUnknownSoTheReportLeavesTheSentenceOut() {
        JvmThreadCpu known = new JvmThreadCpu(300, 40);
        assertEquals(JvmThreadCpu.UNKNOWN, known.minus(JvmThreadCpu.UNKNOWN));
        assertEquals(-1, JvmThreadCpu.UNKNOWN.jitSeconds());
        assertEquals(2.6, known.minus(new JvmThreadCpu(40, 10)).jitSeconds(), 1e-9);
        assertEquals(0.3, known.minus(new JvmThreadCpu(40, 10)).gcSeconds(), 1e-9);
    }
}
