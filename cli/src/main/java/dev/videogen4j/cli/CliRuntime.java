package dev.videogen4j.cli;

import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.emulator.ProviderEmulator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What the command runs on: its settings (environment and system properties), its clock and scheduler, how it
 * waits for a future, and how the {@code emulator} command stays up. {@link #system()} is the real process;
 * tests build one on virtual time so a five-second job takes no real time.
 *
 * <pre>{@code
 * CommandLine cli = VideoGen4jCommand.commandLine(CliRuntime.system());
 * int exit = cli.execute("compare", "--prompt", "A lighthouse at dusk", "--image", "https://example.com/a.jpg");
 * }</pre>
 */
public final class CliRuntime {
    /**
     * What happens before a command blocks on a future: nothing in a real process (other threads complete it), or
     * running virtual time until it is done in a test.
     */
    public interface Waiter {
        void drive(CompletableFuture<?> future);
    }

    private final Map<String, String> env;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Executor callExecutor;
    private final Waiter waiter;
    private final java.util.function.Consumer<ProviderEmulator> serve;
    private final java.util.function.Consumer<AutoCloseable> untilStopped;

    public CliRuntime(Map<String, String> env, Clock clock, ScheduledExecutorService scheduler, Executor callExecutor,
                      Waiter waiter, java.util.function.Consumer<ProviderEmulator> serve) {
        this(env, clock, scheduler, callExecutor, waiter, serve, CliRuntime::untilShutdown);
    }

    /** As above; {@code untilStopped} is what a long-running command ({@code worker}) does until it is stopped. */
    public CliRuntime(Map<String, String> env, Clock clock, ScheduledExecutorService scheduler, Executor callExecutor,
                      Waiter waiter, java.util.function.Consumer<ProviderEmulator> serve,
                      java.util.function.Consumer<AutoCloseable> untilStopped) {
        this.untilStopped = Objects.requireNonNull(untilStopped, "untilStopped == null");
        this.env = Map.copyOf(Objects.requireNonNull(env, "env == null"));
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
        this.callExecutor = callExecutor;
        this.waiter = Objects.requireNonNull(waiter, "waiter == null");
        this.serve = Objects.requireNonNull(serve, "serve == null");
    }

    /** The real process: environment variables overlaid with system properties, the system clock, real threads. */
    public static CliRuntime system() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> env.put(key(k), v));
        System.getProperties().stringPropertyNames().forEach(k -> env.put(key(k), System.getProperty(k)));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "videogen4j-cli-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return new CliRuntime(env, Clock.systemUTC(), timer, null, f -> { }, CliRuntime::serveUntilStopped);
    }

    // The emulator command runs until Ctrl+C; the JVM's shutdown hook closes the emulator's socket.
    private static void serveUntilStopped(ProviderEmulator emulator) {
        untilShutdown(emulator);
    }

    // Blocks until Ctrl+C or SIGTERM; the JVM's shutdown hook then closes what the command runs.
    private static void untilShutdown(AutoCloseable work) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                work.close();
            } catch (Exception e) {
                // stopping anyway
            }
            stopped.countDown();
        }, "videogen4j-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The settings in environment form ({@code FAL_KEY}, {@code VIDEOGEN4J_ROUTING}). */
    public Map<String, String> env() {
        return env;
    }

    /**
     * A setting by its variable name ({@code VIDEOGEN4J_ROUTING}); a blank value counts as unset, as it does for the
     * library's own settings.
     */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(env.get(key(name))).map(String::trim).filter(v -> !v.isEmpty());
    }

    // videogen4j.fal.api-key and VIDEOGEN4J_FAL_API_KEY are one key, as for the library's own settings.
    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Clock clock() {
        return clock;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where provider calls run, or null for the client's own pool. */
    public Executor callExecutor() {
        return callExecutor;
    }

    /** Blocks until the future completes and returns its value, or throws its failure unwrapped. */
    public <T> T await(CompletableFuture<T> future) {
        waiter.drive(future);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoGenException("Interrupted while waiting", e);
        } catch (ExecutionException e) {
            // The command reports the failure itself (InvalidRequestException, JobFailedException...), not its wrappers.
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof RuntimeException r) throw r;
            throw new VideoGenException("Unexpected failure: " + cause, cause);
        }
    }

    /** Keeps {@code work} (a worker) running until the process is stopped, then closes it. */
    public void runUntilStopped(AutoCloseable work) {
        untilStopped.accept(work);
    }

    /** Keeps a standalone emulator up until the process is stopped. */
    public void serve(ProviderEmulator emulator) {
        serve.accept(emulator);
    }
}
