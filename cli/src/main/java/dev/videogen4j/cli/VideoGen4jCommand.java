package dev.videogen4j.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code videogen4j} command. Every subcommand uses the real vendors when their API keys are set and the
 * built-in emulator otherwise (or with {@code --emulator}), and says on stderr which one it used.
 *
 * <pre>{@code
 * int exit = VideoGen4jCommand.commandLine(CliRuntime.system())
 *         .execute("compare", "--prompt", "A lighthouse at dusk", "--image", "https://example.com/first.jpg");
 * }</pre>
 *
 * <p>Exit codes: 0 success; 1 the provider or the job failed (or every row of a comparison did); 2 the command
 * line, the request or the configuration is wrong.
 */
@Command(name = "videogen4j", mixinStandardHelpOptions = true, versionProvider = VideoGen4jCommand.Version.class,
        description = "One command line for AI video generation on Runware, fal.ai and plugins.",
        subcommands = {ProvidersCommand.class, ModelsCommand.class, QuoteCommand.class, GenerateCommand.class,
                CompareCommand.class, EmulatorCommand.class, JobsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the provider or the job failed", "2:the command line, request or configuration is wrong"})
public final class VideoGen4jCommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    public VideoGen4jCommand(CliRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime == null");
    }

    /** The command line with videogen4j's one-line error handling installed. */
    public static CommandLine commandLine(CliRuntime runtime) {
        CommandLine cli = new CommandLine(new VideoGen4jCommand(runtime));
        ErrorHandler errors = new ErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    CliRuntime runtime() {
        return runtime;
    }

    /** Without a subcommand: the usage, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VideoGen4jCommand.class.getPackage().getImplementationVersion();
            return new String[] {"videogen4j " + (v == null ? "development build" : v)};
        }
    }
}
