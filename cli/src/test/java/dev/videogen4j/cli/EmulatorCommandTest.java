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

    private static int falSubmit(dev.videogen4j.emulator.ProviderEmulator emu) throws Exception {
        return post(emu.falQueueBaseUrl() + "/" + TwoVendors.FAL_STD, "Key " + emu.falApiKey(),
                "{\"prompt\":\"p\",\"image_url\":\"https://example.com/a.jpg\"}").statusCode();
    }

    private static int runwareAuth(dev.videogen4j.emulator.ProviderEmulator emu) throws Exception {
        return post(emu.runwareBaseUrl(), "Bearer " + emu.runwareApiKey(),
                "[{\"taskType\":\"authentication\",\"apiKey\":\"" + emu.runwareApiKey() + "\"}]").statusCode();
    }

    @Test
    void printsTheBaseUrlsAndServesUntilStopped() {
        List<Integer> statuses = new ArrayList<>();
        cli.whileServing = emu -> {
            try {
                statuses.add(runwareAuth(emu));
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
        assertTrue(lines.get(3).matches("  fal webhooks: JWKS " + java.util.regex.Pattern.quote(base)
                + "/\\.well-known/jwks\\.json, signing key id emulator-[0-9a-f]{16}"), lines.get(3));
        assertEquals("  stats:   " + base + "/__emulator/stats", lines.get(4));
        assertEquals("Stop with Ctrl+C.", lines.get(5));
    }

    @Test
    void runwareDownAndFalUpFromTheCommandLine() {
        List<Integer> statuses = new ArrayList<>();
        long[] rejected = new long[1];
        cli.whileServing = emu -> {
            try {
                statuses.add(post(emu.runwareBaseUrl(), "Bearer " + emu.runwareApiKey(), "[]").statusCode());
                statuses.add(falSubmit(emu));
                cli.clock.advance(java.time.Duration.ofMinutes(11));
                statuses.add(runwareAuth(emu));
                rejected[0] = emu.stats().providerDownRejections("runware");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, cli.run("emulator", "--runware-down", "10m"));

        assertEquals(List.of(503, 200, 200), statuses, "Runware down for 10 minutes, fal up all along");
        assertEquals(1, rejected[0]);
        assertTrue(cli.out().contains("RUNWARE_API_KEY=emulator-runware-key  (down for 600.0s from the start)\n"), cli.out());
    }

    @Test
    void anOutageCanStartLater() {
        List<Integer> statuses = new ArrayList<>();
        cli.whileServing = emu -> {
            try {
                statuses.add(falSubmit(emu));
                cli.scheduler.advanceBy(java.time.Duration.ofSeconds(31));
                statuses.add(falSubmit(emu));
                cli.scheduler.advanceBy(java.time.Duration.ofSeconds(60));
                statuses.add(falSubmit(emu));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, cli.run("emulator", "--fal-down", "1m@30s"));
        assertEquals(List.of(200, 503, 200), statuses, "fal down from 30 s to 90 s");
    }

    @Test
    void aVendorsFaultRateHitsOnlyThatVendor() {
        List<Integer> statuses = new ArrayList<>();
        cli.whileServing = emu -> {
            try {
                for (int i = 0; i < 3; i++) {
                    statuses.add(falSubmit(emu));
                    statuses.add(runwareAuth(emu));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, cli.run("emulator", "--fal-fault-rate", "1", "--faults", "HTTP_503"));
        assertEquals(List.of(503, 200, 503, 200, 503, 200), statuses);
        assertTrue(cli.out().contains(", fault rate 0.0, fal fault rate 1.0\n"), cli.out());
    }

    @Test
    void faultRateInjectsTheChosenFaults() {
        List<Integer> statuses = new ArrayList<>();
        long[] injected = new long[1];
        cli.whileServing = emu -> {
            try {
                for (int i = 0; i < 3; i++) {
                    statuses.add(falSubmit(emu));
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
