package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every error tells the user to run {@code <command> --help}: that must work on every command, including those
 * added later, which is why the commands are found by walking the registered tree rather than listed here.
 */
class HelpAndVersionTest {
    private static final String VERSION = System.getProperty("videogen4j.expectedVersion");

    /** Every command path below the root, e.g. ["generate"], ["jobs", "show"]. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(VideoGen4jCommand.commandLine(new CliRun().runtime()), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) return;   // an alias: the same command again
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            walk(sub, p, out);
        });
    }

    private static CommandLine find(List<String> path) {
        CommandLine c = VideoGen4jCommand.commandLine(new CliRun().runtime());
        for (String name : path) c = c.getSubcommands().get(name);
        return c;
    }

    @Test
    void everyCommandPrintsItsUsageWithEveryOptionOnHelpAndExitsZero() {
        List<List<String>> paths = commandPaths();
        assertTrue(paths.size() >= 7, "found " + paths);
        for (List<String> path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                CliRun cli = new CliRun();
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                assertEquals(0, cli.run(args.toArray(String[]::new)), args + ": " + cli.err());
                String usage = cli.out();
                assertTrue(usage.contains("Usage: videogen4j " + String.join(" ", path)), args + ": " + usage);
                for (OptionSpec option : find(path).getCommandSpec().options()) {
                    if (option.hidden()) continue;
                    for (String name : option.names()) assertTrue(usage.contains(name), args + " lacks " + name + ":\n" + usage);
                }
                assertEquals("", cli.err(), args.toString());
            }
        }
    }

    @Test
    void theHelpCommandPrintsTheUsageOfTheCommandItNames() {
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("help", "generate"));
        assertTrue(cli.out().startsWith("Usage: videogen4j generate"), cli.out());
        assertTrue(cli.out().contains("--prompt"), cli.out());

        CliRun root = new CliRun();
        assertEquals(0, root.run("help"));
        assertTrue(root.out().startsWith("Usage: videogen4j"), root.out());
        assertTrue(root.out().contains("\n  help "), root.out());
    }

    @Test
    void versionIsTheLibraryVersionOnTheRootAndOnEveryCommand() {
        assertTrue(VERSION != null && !VERSION.isEmpty(), "surefire passes the project version");
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"generate", "--version"}, {"emulator", "-V"}}) {
            CliRun cli = new CliRun();
            assertEquals(0, cli.run(args), String.join(" ", args));
            assertEquals("videogen4j " + VERSION + "\n", cli.out(), String.join(" ", args));
        }
    }
}
