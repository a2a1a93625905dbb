package dev.videogen4j.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * B1: per provider, time from {@link OverheadWorker} (alternating blocks in a worker process) and allocation
 * from JMH's GC profiler over {@link LifecycleBenchmark}, both against an emulator process with zero latency
 * and zero processing time.
 *
 * <pre>{@code
 * List<OverheadSuite.Row> rows = new OverheadSuite(false, Jvm.current()).run();
 * }</pre>
 */
final class OverheadSuite {
    private final boolean quick;
    private final Jvm jvm;

    OverheadSuite(boolean quick, Jvm jvm) {
        this.quick = quick;
        this.jvm = jvm;
    }

    /**
     * Per variant, the medians over blocks of the figures {@link OverheadWorker} records per job, and
     * {@code latency}: median, mean and 90th percentile µs of one lifecycle over every measured job;
     * {@code alloc} is bytes per job by layer, {@code cpu} CPU µs per job by layer.
     */
    record Row(Jvm jvm, String provider, String setting, int blocks, int perBlock, Map<String, double[]> medians,
               Map<String, double[]> latency, double jmhV4jBytes, double jmhV4jError, double jmhHandBytes,
               double jmhHandError, Map<String, Map<String, Double>> alloc, Map<String, Map<String, Double>> cpu) {
        /** Median µs per job of {@code variant} over the hand-written client's. */
        double ratio(String variant) {
            return latency.get(variant)[0] / latency.get("handwritten")[0];
        }

        double timeRatio() {
            return ratio("videogen4j");
        }

        double bytesRatio() {
            return jmhV4jBytes / jmhHandBytes;
        }

        /** {@code fal}, or {@code fal, status streams off} for a run with a non-default setting. */
        String name() {
            return setting.isEmpty() ? provider : provider + ", " + setting;
        }
    }

    // Seconds of warm-up before JMH counts bytes: C2's escape analysis takes a tenth of videogen4j's allocation
    // away once its per-job code is compiled, after some 20,000 jobs (see OverheadWorker#warmUp).
    static final int JMH_WARMUP = 10;

    /** fal's default follows each job on its status stream; the hand-written client polls the status once. */
    static final String STREAMS_OFF = "-D" + Clients.STATUS_STREAMS + "=0";

    /** Runware; fal at its defaults; fal with status streams off, which makes the same requests as the baseline. */
    List<Row> run() throws RunnerException, IOException {
        Map<String, RunResult[]> jmh = new java.util.HashMap<>(allocation(List.of(), "runware", "fal"));
        jmh.put("fal, status streams off", allocation(List.of(STREAMS_OFF), "fal").get("fal"));
        return List.of(row("runware", "", List.of(), jmh), row("fal", "", List.of(), jmh),
                row("fal", "status streams off", List.of(STREAMS_OFF), jmh));
    }

    private Row row(String provider, String setting, List<String> jvmArgs, Map<String, RunResult[]> jmh)
            throws IOException {
        int blocks = quick ? 3 : 12;
        int perBlock = quick ? 300 : 1500;
        List<String> args = new ArrayList<>(ScaleSuite.WORKER_JVM);
        args.addAll(jvmArgs);
        Map<String, Object> result;
        try (RemoteEmulator emu = RemoteEmulator.start(Duration.ZERO, Duration.ZERO);
             Child worker = Child.start(jvm, args, "overhead-worker", List.of("provider=" + provider,
                     "emulator=" + emu.baseUrl(), "blocks=" + blocks, "perBlock=" + perBlock, "warmup=3"))) {
            result = parse(worker.awaitLine("RESULT "));
        }
        @SuppressWarnings("unchecked")
        Map<String, List<List<Double>>> b = (Map<String, List<List<Double>>>) result.get("blocks");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> alloc = (Map<String, Map<String, Double>>) result.get("alloc");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> cpu = (Map<String, Map<String, Double>>) result.get("cpu");
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> lat = (Map<String, List<Double>>) result.get("latency");
        Map<String, double[]> latency = new java.util.LinkedHashMap<>();
        lat.forEach((k, v) -> latency.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        RunResult[] r = jmh.get(setting.isEmpty() ? provider : provider + ", " + setting);
        return new Row(jvm, provider, setting, blocks, perBlock, Map.of("handwritten", medians(b.get("handwritten")),
                "handoffs", medians(b.get("handoffs")), "videogen4j", medians(b.get("videogen4j"))), latency,
                bytes(r[0]), error(r[0]), bytes(r[1]), error(r[1]), alloc, cpu);
    }

    /** Per provider, JMH's {@code [videogen4j, handwritten]} results with the GC profiler. */
    private Map<String, RunResult[]> allocation(List<String> jvmArgs, String... providers) throws RunnerException {
        try (RemoteEmulator emu = RemoteEmulator.start(Duration.ZERO, Duration.ZERO)) {
            List<String> args = new ArrayList<>(List.of("-Dbench.emulator=" + emu.baseUrl(), "-Xmx512m"));
            args.addAll(jvmArgs);
            ChainedOptionsBuilder o = new OptionsBuilder().include(LifecycleBenchmark.class.getName())
                    .addProfiler(GCProfiler.class).forks(1).jvm(jvm.java()).param("provider", providers)
                    .jvmArgsAppend(args.toArray(String[]::new)).shouldFailOnError(true)
                    .warmupIterations(quick ? 1 : JMH_WARMUP).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1));
            var results = new Runner(o.build()).run();
            Map<String, RunResult[]> out = new java.util.HashMap<>();
            for (String p : providers) out.put(p, pair(results, p));
            return out;
        }
    }

    private static RunResult[] pair(Iterable<RunResult> results, String provider) {
        RunResult v4j = null;
        RunResult hand = null;
        for (RunResult r : results) {
            if (!provider.equals(r.getParams().getParam("provider"))) continue;
            if (r.getParams().getBenchmark().endsWith(".videogen4j")) v4j = r;
            if (r.getParams().getBenchmark().endsWith(".handwritten")) hand = r;
        }
        if (v4j == null || hand == null) throw new IllegalStateException("JMH gave no result for " + provider);
        return new RunResult[] {v4j, hand};
    }

    private static double bytes(RunResult r) {
        Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScore();
    }

    private static double error(RunResult r) {
        Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScoreError();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) throws IOException {
        return (Map<String, Object>) HandHttp.ANY.fromJson(json);
    }

    private static double[] medians(List<List<Double>> blocks) {
        double[] m = new double[blocks.get(0).size()];
        for (int i = 0; i < m.length; i++) {
            int k = i;
            m[i] = median(blocks.stream().mapToDouble(b -> b.get(k)).toArray());
        }
        return m;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double percentile(double[] xs, double p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)];
    }
}
