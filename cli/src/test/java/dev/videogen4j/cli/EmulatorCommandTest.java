package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorCommandTest {
    private final CliRun cli = new CliRun();

    private static HttpResponse<String> post(String url, String auth, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsTheBaseUrlsAndServesUntilStopped() {
        List<Integer> statuses = new ArrayList<>();
        cli.whileServing = emu -> {
            try {
                statuses.add(post(emu.runwareBaseUrl(), "Bearer " + emu.runwareApiKey(),
                        "[{\"taskType\":\"authentication\",\"apiKey\":\"" + emu.runwareApiKey() + "\"}]").statusCode());
                statuses.add(emu.stats().httpRequests("runware") == 1 ? 1 : 0);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, cli.run("emulator"));

        assertEquals(List.of(200, 1), statuses, "the emulator answered while the command was serving");
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).matches("videogen4j emulator \\(Runware \\+ fal\\) on http://127\\.0\\.0\\.1:\\d+, seed 42, fault rate 0\\.0"),
                lines.get(0));
        String base = lines.get(0).replaceAll(".* on (http://[^,]+),.*", "$1");
        assertEquals("  Runware: VIDEOGEN4J_RUNWARE_BASE_URL=" + base + "/v1 RUNWARE_API_KEY=emulator-runware-key", lines.get(1));
        assertEquals("  fal:     VIDEOGEN4J_FAL_BASE_URL=" + base + " FAL_KEY=emulator-fal-key", lines.get(2));
        assertEquals("  stats:   " + base + "/__emulator/stats", lines.get(3));
        assertEquals("Stop with Ctrl+C.", lines.get(4));
    }

    @Test
    void faultRateInjectsTheChosenFaults() {
        List<Integer> statuses = new ArrayList<>();
        long[] injected = new long[1];
        cli.whileServing = emu -> {
            try {
                for (int i = 0; i < 3; i++) {
                    statuses.add(post(emu.falQueueBaseUrl() + "/" + TwoVendors.FAL_STD, "Key " + emu.falApiKey(),
                            "{\"prompt\":\"p\",\"image_url\":\"https://example.com/a.jpg\"}").statusCode());
                }
                injected[0] = emu.stats().faultsInjected(Fault.HTTP_503);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, cli.run("emulator", "--fault-rate", "1", "--faults", "HTTP_503", "--seed", "7"));
        assertEquals(List.of(503, 503, 503), statuses);
        assertEquals(3, injected[0]);
        assertTrue(cli.out().contains(", seed 7, fault rate 1.0"), cli.out());
    }

    @Test
    void aFaultRateAboveOneIsAUsageError() {
        assertEquals(2, cli.run("emulator", "--fault-rate", "1.5"));
        assertEquals("videogen4j emulator: --fault-rate must be within 0 and 1: 1.5\n", cli.err());
    }

    @Test
    void anUnknownFaultNamesTheChoices() {
        assertEquals(2, cli.run("emulator", "--faults", "HTTP_418"));
        assertTrue(cli.err().startsWith("videogen4j emulator: Invalid value for option '--faults'"), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }
}
