package dev.videogen4j.cli;

import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testing.VirtualScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs {@code videogen4j} in-process the way a user would, with captured stdout/stderr, on virtual time: the
 * built-in emulator and the client share a {@link MutableClock}, and waiting means running the
 * {@link VirtualScheduler} — a command whose jobs take seconds finishes at once.
 */
final class CliRun {
    final MutableClock clock;
    final VirtualScheduler scheduler;
    // The default back-off, configured: a lone job keeps it instead of scouting, as the timelines here assume.
    final Map<String, String> env = new HashMap<>(Map.of("VIDEOGEN4J_POLL_INITIAL_DELAY", "2s"));
    /** What the {@code emulator} command does while "running until stopped"; by default stops at once. */
    Consumer<ProviderEmulator> whileServing = e -> { };
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    CliRun() {
        clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        scheduler = new VirtualScheduler(clock);
    }

    /** A second command line on the same virtual time, e.g. a client of the emulator {@code other} is serving. */
    CliRun(CliRun other) {
        clock = other.clock;
        scheduler = other.scheduler;
    }

    int run(String... args) {
        CommandLine cli = VideoGen4jCommand.commandLine(runtime());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Virtual time, this run's environment, and the emulator command's {@link #whileServing}. */
    CliRuntime runtime() {
        return new CliRuntime(env, clock, scheduler, Runnable::run,
                f -> scheduler.runUntil(f::isDone, Duration.ofHours(1)), e -> whileServing.accept(e));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** stderr without the line saying which vendors were used. */
    String errorLines() {
        return err().lines().filter(l -> !l.startsWith("Using the ")).reduce("", (a, b) -> a + b + "\n");
    }
}
