package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProvidersCommandTest {
    private final CliRun cli = new CliRun();

    private List<String> rows() {
        return cli.out().lines().skip(1).map(l -> l.replaceAll("\\s{2,}", " | ")).collect(Collectors.toList());
    }

    @Test
    void withoutKeysEveryProviderIsListedAndTheEmulatedOnesSaySo() {
        assertEquals(0, cli.run("providers"));

        assertTrue(cli.out().startsWith("provider  name"), cli.out());
        List<String> rows = rows();
        assertEquals(3, rows.size(), cli.out());
        assertEquals("fake | Fake (in-memory, for tests) | none needed | - | not used", rows.get(0));
        assertTrue(rows.get(1).matches("fal \\| fal\\.ai \\| missing: set VIDEOGEN4J_FAL_API_KEY or FAL_KEY \\| "
                + "http://127\\.0\\.0\\.1:\\d+ \\| emulated"), rows.get(1));
        assertTrue(rows.get(2).matches("runware \\| Runware \\| missing: set VIDEOGEN4J_RUNWARE_API_KEY or RUNWARE_API_KEY \\| "
                + "http://127\\.0\\.0\\.1:\\d+/v1 \\| emulated"), rows.get(2));
        assertTrue(cli.err().startsWith("Using the built-in emulator at http://127.0.0.1:"), cli.err());
        assertTrue(cli.err().contains("(no API keys set): nothing is sent to the vendors or billed."), cli.err());
    }

    @Test
    void aKeyMeansTheRealVendorAndTheKeyItselfIsNeverPrinted() {
        cli.env.put("RUNWARE_API_KEY", "rw-secret-key-123456");
        assertEquals(0, cli.run("providers"));

        List<String> rows = rows();
        assertEquals("fal | fal.ai | missing: set VIDEOGEN4J_FAL_API_KEY or FAL_KEY | https://queue.fal.run | not used", rows.get(1));
        assertEquals("runware | Runware | set (RUNWARE_API_KEY) | https://api.runware.ai/v1 | real", rows.get(2));
        assertEquals("Using the real vendors: runware (key set). Jobs are billed by the vendor. "
                + "No key for fal (VIDEOGEN4J_FAL_API_KEY or FAL_KEY): not used.\n", cli.err());
        assertFalse((cli.out() + cli.err()).contains("rw-secret-key-123456"));
    }

    @Test
    void emulatorFlagWinsOverKeys() {
        cli.env.put("FAL_KEY", "fal-secret-key-123456");
        assertEquals(0, cli.run("providers", "--emulator"));
        assertTrue(rows().get(1).startsWith("fal | fal.ai | set (FAL_KEY) | http://127.0.0.1:"), rows().get(1));
        assertTrue(rows().get(1).endsWith("| emulated"), rows().get(1));
        assertTrue(cli.err().contains("(--emulator): nothing is sent to the vendors or billed."), cli.err());
    }
}
