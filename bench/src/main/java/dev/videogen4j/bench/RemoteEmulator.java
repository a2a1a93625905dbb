package dev.videogen4j.bench;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@code ProviderEmulator} in its own process ({@link EmulatorMain}), fresh for each run so its counters
 * describe that run only.
 *
 * <pre>{@code
 * try (RemoteEmulator emu = RemoteEmulator.start(Duration.ofMillis(50), Duration.ofSeconds(10))) {
 *     ... point a client at emu.baseUrl() ...
 *     long polls = emu.requests("runware.getResponse");
 * }
 * }</pre>
 */
final class RemoteEmulator implements AutoCloseable {
    static final String RUNWARE_KEY = "emulator-runware-key";
    static final String FAL_KEY = "emulator-fal-key";

    private final Child child;
    private final String baseUrl;
    private final ProcessWatch watch;

    private RemoteEmulator(Child child, int port) {
        this.child = child;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.watch = ProcessWatch.start(child.pid());
    }

    static RemoteEmulator start(Duration latency, Duration run) {
        // MockWebServer serves each connection on a thread of its own: give them small stacks.
        Child c = Child.start(List.of("-Xss256k", "-XX:+UseParallelGC"), "emulator",
                List.of("latency=" + Args.text(latency), "run=" + Args.text(run)));
        return new RemoteEmulator(c, Integer.parseInt(c.awaitLine("READY ").trim()));
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The emulator's counters ({@code GET /__emulator/stats}). */
    Stats stats() {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(baseUrl + "/__emulator/stats").openConnection();
            try (InputStream in = c.getInputStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Stats(new Moshi.Builder().build().<Map<String, Object>>adapter(
                        Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each {@code vendor} job the emulator accepted, by id: {@code [end, next]}, when it finished on the vendor's
     * side and when the first request about it arrived after that, in microseconds since the epoch (see
     * {@link EmulatorMain#jobEnds}).
     */
    @SuppressWarnings("unchecked")
    Map<String, long[]> jobEnds(String vendor) {
        child.send("jobs");
        try {
            Map<String, Map<String, List<Number>>> json =
                    (Map<String, Map<String, List<Number>>>) HandHttp.ANY.fromJson(child.awaitLine("JOBS "));
            Map<String, long[]> out = new java.util.HashMap<>();
            json.getOrDefault(vendor, Map.of()).forEach((id, t) ->
                    out.put(id, t.stream().mapToLong(Number::longValue).toArray()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The emulator process's CPU seconds so far and the most threads it had at once (Linux; -1 elsewhere). */
    double cpuSeconds() {
        return watch.cpuSeconds();
    }

    int peakThreads() {
        return watch.peakThreads();
    }

    /** {@link #cpuSeconds} and {@link #peakThreads} count from now on: the measured jobs after a warm-up burst. */
    void measureFromNow() {
        watch.restart();
    }

    @Override
    public void close() {
        watch.close();
        child.close();
    }

    /** The counters of one run. */
    record Stats(Map<String, Object> json) {
        long requests(String kind) {
            return count("requests", kind);
        }

        long httpRequests(String vendor) {
            return count("httpRequests", vendor);
        }

        /** The counters of {@code requests} and {@code httpRequests} less those of an earlier snapshot. */
        @SuppressWarnings("unchecked")
        Stats minus(Stats earlier) {
            Map<String, Object> out = new java.util.LinkedHashMap<>(json);
            for (String group : List.of("requests", "httpRequests")) {
                Map<String, Object> now = (Map<String, Object>) json.getOrDefault(group, Map.of());
                Map<String, Object> diff = new java.util.TreeMap<>();
                now.forEach((k, n) -> diff.put(k, ((Number) n).longValue() - earlier.count(group, k)));
                out.put(group, diff);
            }
            return new Stats(out);
        }

        @SuppressWarnings("unchecked")
        private long count(String group, String key) {
            Object n = ((Map<String, Object>) json.getOrDefault(group, Map.of())).get(key);
            return n == null ? 0 : ((Number) n).longValue();
        }
    }
}
