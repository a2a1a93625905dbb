package dev.videogen4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Which layer allocates how much per job, from the JDK Flight Recorder's allocation samples: each sample
 * weighs the bytes its thread allocated since that thread's previous sample, and is charged to the first frame
 * of its stack outside the JDK (OkHttp/Okio, Moshi, Retrofit, Resilience4j, the adapter, core's engine, core's
 * API). A thread's first sample also carries what it allocated before the recording began, so it is dropped;
 * the shares that remain are applied to the bytes the JVM counted for the block. The same recording takes
 * execution samples (every millisecond, of threads running Java code), charged the same way, their shares
 * applied to the CPU time the process used in the block: where the time goes, by layer.
 *
 * <pre>{@code
 * AllocationSplit.Split s = AllocationSplit.measure(1000, () -> { for (...) client.generate(r); });
 * Map<String, Double> bytesPerJob = s.bytes();
 * }</pre>
 */
final class AllocationSplit {
    private AllocationSplit() {
    }

    /** Per layer, bytes allocated per job and CPU µs per job. */
    record Split(Map<String, Double> bytes, Map<String, Double> cpuMicros) {
    }

    interface Block {
        void run() throws Exception;
    }

    static Split measure(int jobs, Block block) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path file = Files.createTempFile("videogen4j-alloc", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s").withStackTrace();
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(1)).withStackTrace();
            r.start();
            long before = threads.getTotalThreadAllocatedBytes();
            long cpu0 = os.getProcessCpuTime();
            block.run();
            long total = threads.getTotalThreadAllocatedBytes() - before;
            double cpuMicros = (os.getProcessCpuTime() - cpu0) / 1e3;
            r.stop();
            r.dump(file);
            Map<String, Double> sampled = new TreeMap<>();
            Map<String, Double> executing = new TreeMap<>();
            Set<Long> seen = new HashSet<>();
            double sum = 0;
            double samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    executing.merge(layer(e.getStackTrace()), 1.0, Double::sum);
                    samples++;
                    continue;
                }
                RecordedThread t = e.getThread("eventThread");
                if (t == null || !seen.add(t.getJavaThreadId())) {
                    long w = e.getLong("weight");
                    sampled.merge(layer(e.getStackTrace()), (double) w, Double::sum);
                    sum += w;
                }
            }
            Map<String, Double> perJob = new TreeMap<>();
            double scale = sum == 0 ? 0 : (double) total / jobs / sum;
            sampled.forEach((layer, bytes) -> perJob.put(layer, bytes * scale));
            Map<String, Double> cpuPerJob = new TreeMap<>();
            double share = samples == 0 ? 0 : cpuMicros / jobs / samples;
            executing.forEach((layer, n) -> cpuPerJob.put(layer, n * share));
            return new Split(perJob, cpuPerJob);
        } finally {
            deleteQuietly(file);
        }
    }

    static String layer(RecordedStackTrace stack) {
        if (stack == null) return "JDK only";
        for (RecordedFrame f : stack.getFrames()) {
            if (!f.isJavaFrame()) continue;
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("kotlin.")) {
                continue;
            }
            if (type.startsWith("okhttp3.") || type.startsWith("okio.")) return "OkHttp/Okio";
            if (type.startsWith("com.squareup.moshi.")) return "Moshi";
            if (type.startsWith("retrofit2.")) return "Retrofit";
            if (type.startsWith("io.github.resilience4j.")) return "Resilience4j";
            if (type.startsWith("dev.videogen4j.runware.") || type.startsWith("dev.videogen4j.fal.")) return "adapter";
            if (type.startsWith("dev.videogen4j.internal.")) return "core engine";
            if (type.startsWith("dev.videogen4j.bench.")) return "hand-written client";
            if (type.startsWith("dev.videogen4j.")) return "core API (requests, validation, results)";
            return "other: " + type;
        }
        return "JDK only";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
