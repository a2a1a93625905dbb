package dev.videogen4j.bench;

import dev.videogen4j.emulator.ProviderEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The emulator as a process of its own, so the client under measurement shares its JVM with nothing else: its
 * threads, heap and allocation are the client's alone. Prints {@code READY <port>} once serving and stops when
 * its standard input closes (the parent exiting closes it too).
 *
 * <pre>{@code
 * java -cp videogen4j-bench.jar dev.videogen4j.bench.BenchMain emulator latency=50ms run=10s
 * }</pre>
 */
final class EmulatorMain {
    private EmulatorMain() {
    }

    static void run(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        Duration latency = Args.duration(a, "latency", Duration.ZERO);
        Duration queue = Args.duration(a, "queue", Duration.ZERO);
        Duration run = Args.duration(a, "run", Duration.ZERO);
        try (ProviderEmulator emulator = ProviderEmulator.builder().seed(42L).latency(latency).timing(queue, run).start()) {
            System.out.println("READY " + emulator.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // nothing to read: we only wait for the parent to close the pipe
            }
        }
    }
}
