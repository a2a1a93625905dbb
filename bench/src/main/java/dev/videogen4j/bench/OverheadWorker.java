package dev.videogen4j.bench;

import dev.videogen4j.VideoClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B1's timing inside the measured JVM. The machine may be shared, and load drifts from one second to the
 * next; so the three clients are not run one after the other but in alternating blocks of {@code perBlock}
 * sequential lifecycles (the order rotating each block), so each sees every stretch of load. Each lifecycle is
 * timed; each block records this process's CPU time (split by {@link CpuSplit}) and the bytes every thread
 * allocated.
 *
 * <pre>{@code
 * Map<String, List<double[]>> blocks = OverheadWorker.run("runware", emulatorBase, 10, 2000, 3);
 * }</pre>
 */
final class OverheadWorker {
    static final List<String> VARIANTS = List.of("handwritten", "handoffs", "videogen4j");
    static final int MAX_WARMUP = 20;

    /** One full job of one client. */
    private interface Lifecycle {
        void run() throws Exception;
    }

    private OverheadWorker() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Map<String, Object> r = run(a.get("provider"), a.get("emulator"), Args.integer(a, "blocks", 10),
                Args.integer(a, "perBlock", 1000), Args.integer(a, "warmup", 3));
        System.out.println("RESULT " + HandHttp.ANY.toJson(r));
    }

    /**
     * Per variant: {@code blocks}, for each measured block, per job {@code [µs, CPU µs, bytes, user CPU µs,
     * system CPU µs, JIT µs, GC µs]} (see {@link CpuSplit}); {@code latency}, over every measured job, the median,
     * mean and 90th percentile of one lifecycle's µs; {@code alloc}, bytes per job by layer; {@code cpu}, CPU µs
     * per job by layer.
     */
    static Map<String, Object> run(String provider, String emulatorBase, int blocks, int perBlock, int warmup)
            throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        VARIANTS.forEach(v -> out.put(v, new ArrayList<>()));
        Map<String, Object> alloc = new LinkedHashMap<>();
        Map<String, Object> cpu = new LinkedHashMap<>();
        Map<String, double[]> jobMicros = new LinkedHashMap<>();
        VARIANTS.forEach(v -> jobMicros.put(v, new double[blocks * perBlock]));
        boolean runware = provider.equals("runware");
        int rounds;
        try (VideoClient v4j = Clients.videogen4j(provider, emulatorBase, Duration.ZERO, false);
             HandClient hand = runware ? new HandRunware(emulatorBase + "/v1", RemoteEmulator.RUNWARE_KEY)
                     : new HandFal(emulatorBase, RemoteEmulator.FAL_KEY);
             Handoffs handoffs = new Handoffs()) {
            long[] count = {0};
            Lifecycle[] run = new Lifecycle[VARIANTS.size()];
            for (int k = 0; k < run.length; k++) {
                String variant = VARIANTS.get(k);
                run[k] = () -> {
                    long i = count[0]++;
                    if (variant.equals("videogen4j")) v4j.generate(Requests.imageToVideo(provider, i));
                    else if (variant.equals("handoffs")) handoffs.generate(hand, i);
                    else hand.generate(i, Duration.ZERO);
                };
            }
            rounds = warmUp(run, warmup, perBlock);
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < VARIANTS.size(); k++) {
                    int v = (b + rounds + k) % VARIANTS.size();
                    String variant = VARIANTS.get(v);
                    long t0 = System.nanoTime();
                    long c0 = os.getProcessCpuTime();
                    long a0 = threads.getTotalThreadAllocatedBytes();
                    long[] s0 = CpuSplit.now();
                    double[] each = jobMicros.get(variant);
                    for (int i = 0; i < perBlock; i++) {
                        long j0 = System.nanoTime();
                        run[v].run();
                        each[b * perBlock + i] = (System.nanoTime() - j0) / 1e3;
                    }
                    long[] s1 = CpuSplit.now();
                    out.get(variant).add(new double[] {(System.nanoTime() - t0) / 1e3 / perBlock,
                            (os.getProcessCpuTime() - c0) / 1e3 / perBlock,
                            (double) (threads.getTotalThreadAllocatedBytes() - a0) / perBlock,
                            (s1[0] - s0[0]) / 1e3 / perBlock, (s1[1] - s0[1]) / 1e3 / perBlock,
                            (s1[2] - s0[2]) / 1e3 / perBlock, (s1[3] - s0[3]) / 1e3 / perBlock});
                }
            }
            long n = count[0];
            long[] next = {n};
            AllocationSplit.Split h = AllocationSplit.measure(perBlock, () -> {
                for (int i = 0; i < perBlock; i++) hand.generate(next[0]++, Duration.ZERO);
            });
            AllocationSplit.Split v = AllocationSplit.measure(perBlock, () -> {
                for (int i = 0; i < perBlock; i++) v4j.generate(Requests.imageToVideo(provider, next[0]++));
            });
            alloc.put("handwritten", h.bytes());
            alloc.put("videogen4j", v.bytes());
            cpu.put("handwritten", h.cpuMicros());
            cpu.put("videogen4j", v.cpuMicros());
        }
        Map<String, double[]> latency = new LinkedHashMap<>();
        jobMicros.forEach((v, each) -> latency.put(v, new double[] {OverheadSuite.median(each),
                java.util.Arrays.stream(each).average().orElse(0), OverheadSuite.percentile(each, 0.9)}));
        return Map.of("blocks", out, "alloc", alloc, "cpu", cpu, "latency", latency, "warmup", rounds);
    }

    /**
     * Rounds of one block per client until the JIT compilers were busy for under 5% of a round: at least
     * {@code min} (none when 0), at most {@link #MAX_WARMUP}. videogen4j runs more code of its own, most of it once
     * per job, so its methods reach C2 only after some 20,000 jobs on a busy 2-core machine, well after the
     * hand-written client's: measured before that, a block times the compilers (seen as "JIT threads busy"), not
     * the client. Returns the rounds run.
     */
    private static int warmUp(Lifecycle[] clients, int min, int perBlock) throws Exception {
        int rounds = 0;
        boolean quiet = false;
        while (min > 0 && rounds < MAX_WARMUP && (rounds < min || !quiet)) {
            long t0 = System.nanoTime();
            long jit0 = CpuSplit.now()[2];
            for (int k = 0; k < clients.length; k++) {
                Lifecycle client = clients[(rounds + k) % clients.length];
                for (int i = 0; i < perBlock; i++) client.run();
            }
            quiet = CpuSplit.now()[2] - jit0 < (System.nanoTime() - t0) / 20;
            rounds++;
        }
        return rounds;
    }
}
