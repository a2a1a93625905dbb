package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs the sections asked for and writes the report.
 *
 * <pre>{@code
 * new Suite(false).run("all");   // writes BENCHMARKS.md in the working directory
 * }</pre>
 */
final class Suite {
    static final Duration RUN = Duration.ofSeconds(10);
    static final Duration LATENCY = Duration.ofMillis(50);

    private final boolean quick;

    Suite(boolean quick) {
        this.quick = quick;
    }

    void run(String command) throws Exception {
        Report report = new Report(quick);
        boolean all = command.equals("all");
        if (all || command.equals("b1")) report.b1(new OverheadSuite(quick).run());
        if (all || command.equals("b2")) report.b2(b2());
        if (all || command.equals("b3")) report.b3(b3());
        if (all || command.equals("b4")) report.b4(b4());
        if (command.equals("b5")) report.b5(b5());
        if (!all && !List.of("b1", "b2", "b3", "b4", "b5").contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "': use all, b1, b2, b3, b4 or b5");
        }
        if (all && !quick) {
            Files.writeString(Path.of("BENCHMARKS.md"), report.markdown(), StandardCharsets.UTF_8);
            System.out.println("wrote " + Path.of("BENCHMARKS.md").toAbsolutePath());
        } else {
            System.out.println(report.markdown());
        }
    }

    private int scale(int jobs) {
        return quick ? jobs / 10 : jobs;
    }

    /** 10,000 jobs: Runware batched (the configuration meant for it), fal with default and with more calls. */
    List<ScaleSuite.Run> b2() {
        int jobs = scale(10_000);
        Duration poll = Duration.ofSeconds(1);
        return List.of(
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, poll, true, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, poll, false, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, poll, false, false, 256)));
    }

    /** 10,000 Runware jobs through the PostgreSQL store on two instances, and in memory (needs a PostgreSQL server). */
    DurableSuite.Result b5() throws java.sql.SQLException {
        return DurableSuite.run(new Workload("runware", scale(10_000), RUN, LATENCY, null, true, false),
                DurableSuite.postgresUrl());
    }

    /** Requests per job under the library's default poll schedule, with and without batching and webhooks. */
    List<ScaleSuite.Run> b3() {
        int jobs = scale(1_000);
        return List.of(
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, false, false)),
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, true, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, false)),
                ScaleSuite.videogen4j(new Workload("runware", jobs, RUN, LATENCY, null, false, true)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, true)));
    }

    /**
     * fal's official client next to videogen4j (polling every second, and with webhooks): a thread per job, and
     * a pool as small as videogen4j's.
     */
    List<ScaleSuite.Run> b4() {
        int jobs = scale(200);
        return List.of(
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, Duration.ofSeconds(1), false, false)),
                ScaleSuite.videogen4j(new Workload("fal", jobs, RUN, LATENCY, null, false, true)),
                ScaleSuite.falClient(jobs, 0, RUN, LATENCY),
                ScaleSuite.falClient(jobs, ScaleSection.DEFAULT_CALLS, RUN, LATENCY));
    }
}
