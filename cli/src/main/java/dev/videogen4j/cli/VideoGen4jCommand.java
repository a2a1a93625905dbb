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
                CompareCommand.class, EmulatorCommand.class, SubmitCommand.class, JobsCommand.class, AwaitCommand.class,
                WorkerCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the provider or the job failed", "2:the command line, request or configuration is wrong",
                "3:the job succeeded but saving its video (--out) failed"})
public final class VideoGen4jCommand implements Callable<Integer> {
    private final CliRuntime runtime;

    @Spec
    CommandSpec spec;

    public VideoGen4jCommand(CliRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime == null");
    }

    /**
     * The command line with videogen4j's one-line error handling installed, a {@code help} command, and
     * {@code -h/--help} and {@code -V/--version} on every command: a subcommand added later gets them too.
     */
    public static CommandLine commandLine(CliRuntime runtime) {
        CommandLine cli = new CommandLine(new VideoGen4jCommand(runtime));
        cli.addSubcommand(new CommandLine.HelpCommand());
        withHelpAndVersion(cli);
        ErrorHandler errors = new ErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        return cli;
    }

    // The usage every error points to ("see videogen4j generate --help") must exist on every command, and must win
    // over required options: picocli checks no required option when a help option is given.
    private static void withHelpAndVersion(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null) spec.mixinStandardHelpOptions(true);
            spec.versionProvider(new Version());
            withHelpAndVersion(sub);
        }
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

    /** The library version the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = VideoGen4jCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"videogen4j " + p.getProperty("version", "(version unknown: not built by Maven)")};
        }
    }
}
