package dev.videogen4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand has: the common options, the runtime it runs on, its output streams, and a
 * {@link Session} to the real vendors or the emulator.
 *
 * <pre>{@code
 * @Command(name = "hello")
 * final class HelloCommand extends CliCommand {
 *     protected int run() { out().println("hello"); return 0; }
 * }
 * }</pre>
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    VideoGen4jCommand root;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public final Integer call() throws Exception {
        if (common.verbose) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        int code = run();
        out().flush();
        err().flush();
        return code;
    }

    protected abstract int run() throws Exception;

    CliRuntime runtime() {
        return root.runtime();
    }

    Session openSession() {
        return Session.open(runtime(), common.emulator, err());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    boolean verbose() {
        return common.verbose;
    }
}
