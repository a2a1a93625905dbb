package dev.videogen4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on this process's class path running one {@link BenchMain} command. Each measured client runs in
 * a JVM of its own (with its own {@code -Xmx}), and the emulator in another, so no figure mixes the two.
 *
 * <pre>{@code
 * try (Child emu = Child.start(List.of(), "emulator", List.of("latency=50ms"))) {
 *     int port = Integer.parseInt(emu.awaitLine("READY ", 60));
 * }
 * }</pre>
 */
final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private Child(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** On the JVM running the harness (the emulator's, and the harness's own helpers). */
    static Child start(List<String> jvmArgs, String command, List<String> args) {
        return start(Jvm.current(), jvmArgs, command, args);
    }

    /** On {@code jvm} (a measured client). */
    static Child start(Jvm jvm, List<String> jvmArgs, String command, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jvm.java());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchMain.class.getName());
        cmd.add(command);
        cmd.addAll(args);
        try {
            return new Child(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Writes one command line to the child's standard input (the emulator answers {@code jobs}). */
    void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to child " + process.pid(), e);
        }
    }

    /** The rest of the first output line starting with {@code prefix}; other lines are echoed. */
    String awaitLine(String prefix) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) return line.substring(prefix.length());
                System.out.println("  | " + line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("child ended without printing '" + prefix + "' (exit " + exitCode() + ")");
    }

    private int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();   // an emulator child stops when its input closes
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
