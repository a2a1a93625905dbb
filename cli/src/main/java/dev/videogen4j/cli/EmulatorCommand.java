package dev.videogen4j.cli;

import dev.videogen4j.Durations;
import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import dev.videogen4j.emulator.ProviderEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code videogen4j emulator}: runs the Runware + fal emulator standalone until stopped, and prints how to point
 * an application (or another videogen4j command) at it, and where fal's webhook key is. Faults and outages can be
 * set per vendor, so "Runware down, fal up" is one command line.
 *
 * <pre>{@code
 * $ videogen4j emulator --port 8089 --runware-down 10m --fal-fault-rate 0.1
 * $ VIDEOGEN4J_RUNWARE_BASE_URL=http://127.0.0.1:8089/v1 RUNWARE_API_KEY=emulator-runware-key java -jar app.jar
 * $ videogen4j emulator --models-file my-models.json   # also serves the fal models your own catalog file adds
 * }</pre>
 */
@Command(name = "emulator", description = "Run the Runware + fal emulator standalone until stopped (Ctrl+C).")
final class EmulatorCommand extends CliCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "The port on 127.0.0.1 (0: a free one).")
    int port;

    @Option(names = "--fault-rate", paramLabel = "R", defaultValue = "0",
            description = "Share (0-1) of all API requests, both vendors, that fail with one of --faults. Default: ${DEFAULT-VALUE}.")
    double faultRate;

    @Option(names = "--runware-fault-rate", paramLabel = "R", defaultValue = "0",
            description = "Share (0-1) of Runware's API requests that fail with one of --faults, on top of --fault-rate.")
    double runwareFaultRate;

    @Option(names = "--fal-fault-rate", paramLabel = "R", defaultValue = "0",
            description = "Share (0-1) of fal's API requests that fail with one of --faults, on top of --fault-rate.")
    double falFaultRate;

    @Option(names = "--faults", paramLabel = "FAULT", split = ",",
            defaultValue = "HTTP_429,HTTP_500,HTTP_503,RESET_BEFORE_REQUEST",
            description = "The faults the rates draw from, evenly. Default: ${DEFAULT-VALUE} (none of them is processed, "
                    + "so retries are safe). Also: HTTP_502, HTTP_504, HTML_ERROR_PAGE, RESET_AFTER_REQUEST, "
                    + "SLOW_RESPONSE, MALFORMED_JSON, TRUNCATED_JSON.")
    List<Fault> faults;

    @Option(names = "--runware-down", paramLabel = "DURATION[@AFTER]",
            description = "Runware answers every request 503 for DURATION (e.g. 10m), from the start or from AFTER "
                    + "(e.g. 5m@30s: down from 30 s to 5 min 30 s).")
    String runwareDown;

    @Option(names = "--fal-down", paramLabel = "DURATION[@AFTER]", description = "The same for fal.")
    String falDown;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoEmulator.SEED,
            description = "Seed for ids, fault draws, failures and the fal webhook key. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--models-file", paramLabel = "FILE",
            description = "Also serve the fal models of this catalog file (the file VIDEOGEN4J_MODELS_FILE gives a "
                    + "client), so a model added without code runs here too.")
    java.nio.file.Path modelsFile;

    @Override
    protected int run() {
        ExtraModels extra = modelsFile == null ? null : ExtraModels.read(modelsFile);
        FaultPlan.Builder plan = FaultPlan.builder();
        addRate(plan, "--fault-rate", faultRate, null);
        addRate(plan, "--runware-fault-rate", runwareFaultRate, "runware");
        addRate(plan, "--fal-fault-rate", falFaultRate, "fal");
        if (faultRate + Math.max(runwareFaultRate, falFaultRate) > 1) {
            throw new IllegalArgumentException("--fault-rate plus a vendor's fault rate must stay within 1");
        }
        Outage runware = Outage.parse("--runware-down", runwareDown);
        Outage fal = Outage.parse("--fal-down", falDown);
        ProviderEmulator emu = DemoEmulator.start(runtime().clock(), port, seed, plan.build(), extra);
        try {
            schedule(emu, "runware", runware);
            schedule(emu, "fal", fal);
            out().println("videogen4j emulator (Runware + fal) on " + emu.baseUrl() + ", seed " + seed + ", fault rate " + faultRate
                    + rates());
            out().println("  Runware: VIDEOGEN4J_RUNWARE_BASE_URL=" + emu.runwareBaseUrl() + " RUNWARE_API_KEY=" + emu.runwareApiKey()
                    + (runware == null ? "" : "  (down " + runware + ")"));
            out().println("  fal:     VIDEOGEN4J_FAL_BASE_URL=" + emu.falQueueBaseUrl() + " FAL_KEY=" + emu.falApiKey()
                    + (fal == null ? "" : "  (down " + fal + ")"));
            out().println("  fal webhooks: JWKS " + emu.jwksUrl() + ", signing key id " + EmulatorKeys.falKeyId(emu));
            if (extra != null) out().println("  extra models: " + extra.describe());
            out().println("  stats:   " + emu.statsUrl());
            out().println("Stop with Ctrl+C.");
            out().flush();
            runtime().serve(emu);
        } finally {
            emu.close();
        }
        return 0;
    }

    private void addRate(FaultPlan.Builder plan, String option, double rate, String scope) {
        if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException(option + " must be within 0 and 1: " + rate);
        if (rate > 0) faults.forEach(f -> plan.rate(f, rate / faults.size(), scope));
    }

    private String rates() {
        return (runwareFaultRate > 0 ? ", Runware fault rate " + runwareFaultRate : "")
                + (falFaultRate > 0 ? ", fal fault rate " + falFaultRate : "");
    }

    private void schedule(ProviderEmulator emu, String vendor, Outage outage) {
        if (outage == null) return;
        if (outage.after().isZero()) emu.providerDown(vendor, outage.duration());
        else runtime().scheduler().schedule(() -> emu.providerDown(vendor, outage.duration()),
                outage.after().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A vendor outage: {@code duration}, starting {@code after} the emulator started. */
    record Outage(Duration duration, Duration after) {
        static Outage parse(String option, String value) {
            if (value == null) return null;
            String[] parts = value.split("@", 2);
            Duration duration = Durations.parse(option, parts[0]);
            Duration after = parts.length == 2 ? Durations.parse(option, parts[1]) : Duration.ZERO;
            return new Outage(duration, after);
        }

        @Override
        public String toString() {
            return "for " + Format.seconds(duration) + (after.isZero() ? " from the start" : " from " + Format.seconds(after));
        }
    }
}
