package dev.videogen4j.cli;

import picocli.CommandLine.Option;

/**
 * Options every command takes.
 *
 * <pre>{@code
 * videogen4j compare --emulator --verbose --prompt "..." --image https://example.com/a.jpg
 * }</pre>
 */
public final class CommonOptions {
    @Option(names = "--emulator", description = "Use the built-in emulator even when API keys are set.")
    boolean emulator;

    @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of an error, and log at INFO.")
    boolean verbose;
}
