package dev.videogen4j.bench;

import dev.videogen4j.VideoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B1: one full job lifecycle (submit, poll until done, result) per operation against an emulator with zero
 * processing time and zero latency, so all that is measured is the client. Run through JMH by
 * {@link OverheadSuite}, which starts the emulator in another process and passes its URL as
 * {@code -Dbench.emulator}; with {@code -prof gc} the allocation counted is every thread's, so videogen4j's
 * work on its timer and call threads is included.
 *
 * <pre>{@code
 * java -Dbench.emulator=http://127.0.0.1:8080 -jar videogen4j-bench.jar ... (see OverheadSuite)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LifecycleBenchmark {
    @Param({"runware", "fal"})
    public String provider;

    private VideoClient videogen4j;
    private HandRunware handRunware;
    private HandFal handFal;
    private long n;

    @Setup
    public void setUp() {
        String base = System.getProperty("bench.emulator");
        videogen4j = Clients.videogen4j(provider, base, Duration.ZERO, false);
        handRunware = new HandRunware(base + "/v1", RemoteEmulator.RUNWARE_KEY);
        handFal = new HandFal(base, RemoteEmulator.FAL_KEY);
    }

    @Benchmark
    public Object videogen4j() {
        return videogen4j.generate(Requests.imageToVideo(provider, n++)).video().url();
    }

    @Benchmark
    public Object handwritten() throws Exception {
        return provider.equals("runware") ? handRunware.generate(n++, Duration.ZERO) : handFal.generate(n++, Duration.ZERO);
    }

    @TearDown
    public void tearDown() {
        videogen4j.close();
        handRunware.close();
        handFal.close();
    }
}
