package dev.videogen4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's command line: {@code --help} prints its usage, and a wrong section is named before anything runs. */
class BenchMainTest {
    @Test
    void helpPrintsTheUsageAndRunsNothing() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            BenchMain.main(new String[] {"b2", "--help"});
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Usage: java -jar bench/target/videogen4j-bench.jar"), text);
        assertTrue(text.contains("--java=PATH"), text);
    }

    @Test
    void sectionsAreCheckedBeforeAnythingRuns() {
        assertEquals(List.of("n1", "b1", "b2", "b3", "b4"), Suite.sections("all"));
        assertEquals(List.of("n1", "b2"), Suite.sections("n1,b2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suite.sections("n1,b9"));
        assertEquals("unknown section 'b9': use all, or some of [n1, b1, b2, b3, b4, b5]", e.getMessage());
    }
}
