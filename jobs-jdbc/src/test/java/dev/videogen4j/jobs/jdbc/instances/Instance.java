package dev.videogen4j.jobs.jdbc.instances;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application instance in a JVM of its own ({@link DurableApp} on this test's class path), configured through its
 * environment as an operator would: {@code VIDEOGEN4J_JOB_STORE}, {@code VIDEOGEN4J_INSTANCE_ID} and worker settings.
 * {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no finally block runs.
 */
public final class Instance implements AutoCloseable {
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private Instance(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, "instance-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code DurableApp emulatorBase args...} with the store and worker settings in its environment. */
    public static Instance start(String name, String storeUrl, String emulatorBase, List<String> args) {
        return start(name, storeUrl, emulatorBase, args, Map.of());
    }

    /** As above, with more settings in its environment. */
    public static Instance start(String name, String storeUrl, String emulatorBase, List<String> args,
                                 Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                DurableApp.class.getName(), emulatorBase));
        command.addAll(args);
        File log = Path.of("target", "instances", name + "-" + System.nanoTime() + ".log").toFile();
        try {
            Files.createDirectories(log.toPath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log);
            Map<String, String> env = builder.environment();
            env.put("VIDEOGEN4J_JOB_STORE", storeUrl);
            env.put("VIDEOGEN4J_INSTANCE_ID", name);
            env.put("VIDEOGEN4J_JOB_STORE_HEARTBEAT", "1s");           // a dead instance's polls resume after 6 s
            env.put("VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL", "200ms");
            env.put("VIDEOGEN4J_JOB_STORE_ORPHAN_AFTER", "10s");          // submits of a dead instance: uncertain
            env.putAll(settings);
            return new Instance(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start instance " + name, e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process died: what it printed so far stays
        }
        synchronized (lines) {
            lines.add("EOF");
            lines.notifyAll();
        }
    }

    /** The lines printed so far that start with {@code prefix}, prefix removed. */
    public List<String> lines(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    /** Waits until {@code count} lines start with {@code prefix}; fails with what it printed after {@code limit}. */
    public List<String> await(String prefix, int count, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        synchronized (lines) {
            while (lines(prefix).size() < count) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || lines.contains("EOF")) {
                    throw new AssertionError(name + " printed " + lines(prefix).size() + " '" + prefix + "' lines, not "
                            + count + ", within " + limit + "; last lines: "
                            + lines.subList(Math.max(0, lines.size() - 5), lines.size()));
                }
                lines.wait(left); // woken by each new line
            }
            return lines(prefix);
        }
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its input (it then closes its client and exits); kills it if it has not exited within 30 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
