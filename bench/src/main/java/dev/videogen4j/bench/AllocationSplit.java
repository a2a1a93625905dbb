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
 * the shares that remain are applied to the bytes the JVM counted for the block.
 *
 * <pre>{@code
 * Map<String, Double> bytesPerJob = AllocationSplit.measure(1000, () -> { for (...) client.generate(r); });
 * }</pre>
 */
final class AllocationSplit {
    private AllocationSplit() {
    }

    interface Block {
        void run() throws Exception;
    }

    static Map<String, Double> measure(int jobs, Block block) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path file = Files.createTempFile("videogen4j-alloc", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationSample").with("throttle", "5000/s").withStackTrace();
            r.start();
            long before = threads.getTotalThreadAllocatedBytes();
            block.run();
            long total = threads.getTotalThreadAllocatedBytes() - before;
            r.stop();
            r.dump(file);
            Map<String, Double> sampled = new TreeMap<>();
            Set<Long> seen = new HashSet<>();
            double sum = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
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
            return perJob;
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
