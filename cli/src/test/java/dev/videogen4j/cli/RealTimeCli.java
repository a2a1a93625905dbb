package dev.videogen4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Runs {@code videogen4j} in-process on the real clock, for the durable-job commands: their polls run as
 * db-scheduler tasks in the job store, on real time, so virtual time cannot drive them.
 */
final class RealTimeCli implements AutoCloseable {
    final Map<String, String> env = new HashMap<>();
    /** What {@code worker} does while "running until stopped" (on the worker's thread); closes it after. */
    Consumer<RealTimeCli> whileWorking = cli -> { };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        StringWriter o = out;
        CliRuntime runtime = new CliRuntime(env, Clock.systemUTC(), timer, null, f -> { }, e -> { }, work -> {
            try {
                whileWorking.accept(this);
            } finally {
                try {
                    work.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        CommandLine cli = VideoGen4jCommand.commandLine(runtime);
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** The value printed after {@code label} on its line, e.g. {@code "job"}. */
    String value(String label) {
        return out().lines().filter(l -> l.startsWith(label + " ")).map(l -> l.substring(label.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + out() + err()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
