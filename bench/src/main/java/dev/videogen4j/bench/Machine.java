package dev.videogen4j.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the figures were taken on, for the report's header.
 *
 * <pre>{@code
 * String line = Machine.describe();   // "2 cores (Intel Xeon ...), 23.5 GB RAM, OpenJDK 17.0.15, Linux 6.1 amd64"
 * }</pre>
 */
final class Machine {
    private Machine() {
    }

    static String describe() {
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " cores" + cpuModel() + ", "
                + String.format("%.1f GB RAM", ram / 1e9) + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")").orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
