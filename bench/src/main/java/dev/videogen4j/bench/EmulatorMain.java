package dev.videogen4j.bench;

import dev.videogen4j.emulator.JobRequest;
import dev.videogen4j.emulator.ProviderEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator as a process of its own, so the client under measurement shares its JVM with nothing else: its
 * threads, heap and allocation are the client's alone. Prints {@code READY <port>} once serving and stops when
 * its standard input closes (the parent exiting closes it too). On the input line {@code jobs} it prints
 * {@code JOBS <json>}: per vendor, each accepted job's id and the instant it finished on the vendor's side
 * (microseconds since the epoch), for N1's notice delay.
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
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.trim().equals("jobs")) {
                    System.out.println("JOBS " + HandHttp.ANY.toJson(jobEnds(emulator)));
                    System.out.flush();
                }
            }
        }
    }

    /**
     * Per vendor, job id → {@code [end, next, early, lastEarly, polls]}, times in microseconds since the epoch: when the
     * job finished, as the emulator fixed it on accepting the submit (its clock is the system clock here, which
     * every process on this machine shares); when the first request about the job arrived after that end (-1 if
     * none), which splits a notice delay into waiting for the client's next request and that request's round trip;
     * how many polls came before the end, and when the last of them came (-1 if none): the polls that found the job
     * still running; and how many polls it got in all.
     */
    static Map<String, Map<String, long[]>> jobEnds(ProviderEmulator emulator) {
        Epoch epoch = new Epoch();   // JobRequest carries System.nanoTime()
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        for (String vendor : List.of("runware", "fal")) {
            Map<String, long[]> jobs = new LinkedHashMap<>();
            emulator.jobEnds(vendor).forEach((id, end) -> jobs.put(id, new long[] {micros(end), -1, 0, -1, 0}));
            out.put(vendor, jobs);
        }
        for (JobRequest r : emulator.jobRequests()) {   // in arrival order
            long[] job = out.getOrDefault(r.vendor(), Map.of()).get(r.jobId());
            long at = epoch.micros(r.arrivedNanos());
            if (job == null) continue;
            if (job[1] < 0 && at >= job[0]) job[1] = at;
            if (r.isPoll()) job[4]++;
            if (at < job[0] && r.isPoll()) {
                job[2]++;
                job[3] = at;
            }
        }
        return out;
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }
}
