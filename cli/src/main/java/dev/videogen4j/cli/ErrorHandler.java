package dev.videogen4j.cli;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.VideoGenException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one clear line on stderr and an exit code: 2 when the user can fix the command line,
 * the request or the configuration, 1 when the provider or the job failed. The stack trace only with
 * {@code --verbose}.
 *
 * <pre>{@code
 * videogen4j generate: Invalid request for klingai:6@0: 1 problem: durationSeconds=7 (allowed: 5, 10)
 * }</pre>
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + message(e));
        if (cmd.getCommand() instanceof CliCommand && ((CliCommand) cmd.getCommand()).verbose()) {
            e.printStackTrace(err);
        }
        err.flush();
        return isUsersToFix(e) ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + Format.oneLine(e.getMessage()) + " (see " + cmd.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    static boolean isUsersToFix(Throwable e) {
        return e instanceof InvalidRequestException || e instanceof ConfigurationException
                || e instanceof IllegalArgumentException || e instanceof ParameterException;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    // videogen4j's own exceptions say what happened; anything else also needs its type to make sense.
    private static String message(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (!(e instanceof VideoGenException) && !(e instanceof IllegalArgumentException)) {
            text = e.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text);
        }
        return Format.oneLine(text);
    }
}
