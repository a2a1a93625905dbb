package dev.videogen4j.cli;

import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j emulator}: runs the Runware + fal emulator standalone until stopped, and prints how to point
 * an application (or another videogen4j command) at it.
 *
 * <pre>{@code
 * $ videogen4j emulator --port 8089 --fault-rate 0.1
 * $ VIDEOGEN4J_RUNWARE_BASE_URL=http://127.0.0.1:8089/v1 RUNWARE_API_KEY=emulator-runware-key java -jar app.jar
 * }</pre>
 */
@Command(name = "emulator", description = "Run the Runware + fal emulator standalone until stopped (Ctrl+C).")
final class EmulatorCommand extends CliCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port on 127.0.0.1 (0: a free one).")
    int port;

    @Option(names = "--fault-rate", paramLabel = "R", defaultValue = "0",
            description = "Share (0-1) of API requests that fail with one of --faults. Default: ${DEFAULT-VALUE}.")
    double faultRate;

    @Option(names = "--faults", paramLabel = "FAULT", split = ",",
            defaultValue = "HTTP_429,HTTP_500,HTTP_503,RESET_BEFORE_REQUEST",
            description = "The faults --fault-rate draws from, evenly. Default: ${DEFAULT-VALUE} (none of them is processed, "
                    + "so retries are safe). Also: HTTP_502, HTTP_504, HTML_ERROR_PAGE, RESET_AFTER_REQUEST, "
                    + "SLOW_RESPONSE, MALFORMED_JSON, TRUNCATED_JSON.")
    List<Fault> faults;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoEmulator.SEED,
            description = "Seed for ids, fault draws and failures. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    protected int run() {
        if (!(faultRate >= 0 && faultRate <= 1)) throw new IllegalArgumentException("--fault-rate must be within 0 and 1: " + faultRate);
        FaultPlan.Builder plan = FaultPlan.builder();
        if (faultRate > 0) faults.forEach(f -> plan.rate(f, faultRate / faults.size()));
        ProviderEmulator emu = DemoEmulator.start(runtime().clock(), port, seed, plan.build());
        try {
            out().println("videogen4j emulator (Runware + fal) on " + emu.baseUrl() + ", seed " + seed + ", fault rate " + faultRate);
            out().println("  Runware: VIDEOGEN4J_RUNWARE_BASE_URL=" + emu.runwareBaseUrl() + " RUNWARE_API_KEY=" + emu.runwareApiKey());
            out().println("  fal:     VIDEOGEN4J_FAL_BASE_URL=" + emu.falQueueBaseUrl() + " FAL_KEY=" + emu.falApiKey());
            out().println("  stats:   " + emu.statsUrl());
            out().println("Stop with Ctrl+C.");
            out().flush();
            runtime().serve(emu);
        } finally {
            emu.close();
        }
        return 0;
    }
}
