package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VideoGen4jCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void withoutASubcommandTheUsageIsAUsageError() {
        assertEquals(2, cli.run());
        assertTrue(cli.err().startsWith("Usage: videogen4j [-hV] [COMMAND]"), cli.err());
        for (String c : new String[] {"providers", "models", "quote", "generate", "compare", "emulator"}) {
            assertTrue(cli.err().contains("\n  " + c + " "), c + " listed in " + cli.err());
        }
        assertTrue(cli.err().contains("Exit codes:"), cli.err());
    }

    @Test
    void anUnknownCommandIsOneLine() {
        assertEquals(2, cli.run("render"));
        assertEquals("videogen4j: Unmatched argument at index 0: 'render' (see videogen4j --help)\n", cli.err());
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, cli.run("--help"));
        assertTrue(cli.out().startsWith("Usage: videogen4j"), cli.out());
        assertEquals(0, cli.run("--version"));
        assertTrue(cli.out().contains("videogen4j "), cli.out());
    }

    @Test
    void aBadRoutingPolicyIsAConfigurationError() {
        cli.env.put("VIDEOGEN4J_ROUTING", "random");
        assertEquals(2, cli.run("compare", "--prompt", "A lighthouse", "--image", "https://example.com/a.jpg"));
        assertEquals("videogen4j compare: VIDEOGEN4J_ROUTING=random is not a routing policy; use single:<id>, "
                + "fallback:<id>,<id>, cheapest[:<ids>] or fastest[:<ids>]\n", cli.errorLines());
    }
}
