package dev.videogen4j.cli;

/**
 * The {@code videogen4j} executable: {@code java -jar videogen4j-cli.jar compare --prompt ...}.
 *
 * <pre>{@code
 * java -jar cli/target/videogen4j-cli.jar models --workflow i2v
 * }</pre>
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VideoGen4jCommand.commandLine(CliRuntime.system()).execute(args));
    }
}
