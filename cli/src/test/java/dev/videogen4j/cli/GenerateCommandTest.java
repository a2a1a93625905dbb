package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.emulator.ProviderEmulatorBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    private static final String PROMPT = "A lighthouse at dusk";
    private final CliRun cli = new CliRun();
    private ProviderEmulator vendor;   // stands in for the real vendors in "keys set" tests

    @AfterEach
    void stop() {
        if (vendor != null) vendor.close();
    }

    /** Keys set, base URLs pointed at an emulator this test controls: the command's "real vendors" path. */
    private void realVendorsAtAnEmulator() {
        realVendorsAtAnEmulator(ProviderEmulator.builder());
    }

    private void realVendorsAtAnEmulator(ProviderEmulatorBuilder settings) {
        vendor = settings.clock(cli.clock).seed(3L).start();
        cli.env.put("RUNWARE_API_KEY", vendor.runwareApiKey());
        cli.env.put("VIDEOGEN4J_RUNWARE_BASE_URL", vendor.runwareBaseUrl());
        cli.env.put("FAL_KEY", vendor.falApiKey());
        cli.env.put("VIDEOGEN4J_FAL_BASE_URL", vendor.falQueueBaseUrl());
    }

    @Test
    void generatesShowsProgressPrintsResultAndCostAndDownloads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lighthouse.mp4");
        assertEquals(0, cli.run("generate", "--provider", "fal", "--prompt", PROMPT, "--image", IMAGE, "--out", file.toString()));

        // the demo emulator's timing, as seen by polls every 250 ms: each phase ends at the first poll after it
        Duration[] t = DemoEmulator.timing("fal", TwoVendors.FAL_STD);
        Duration queue = onPollGrid(t[0]);
        Duration total = onPollGrid(t[0].plus(t[1]));
        String out = cli.out();
        assertTrue(out.startsWith("provider  fal\nmodel     " + TwoVendors.FAL_STD + "\njob       vg1:fal:"), out);
        assertTrue(out.contains("\nvideo     http://127.0.0.1:"), out);
        assertTrue(out.contains("\ncost      $0.21 estimated\n"), out);
        assertTrue(out.contains("\ntimings   queue " + Format.seconds(queue) + ", run " + Format.seconds(total.minus(queue))
                + ", total " + Format.seconds(total) + "\n"), out + " vs " + t[0] + " " + t[1]);
        assertTrue(out.contains("\nattempts  fal " + TwoVendors.FAL_STD + ": succeeded (cost $0.21 estimated)\n"), out);
        assertTrue(out.endsWith("saved     " + file + " (" + Files.size(file) + " bytes)\n"), out);
        assertTrue(Files.size(file) > 0);

        String err = cli.err();
        assertTrue(err.startsWith("Using the built-in emulator"), err);
        assertTrue(err.contains("\n[   0.0s] submitted to fal " + TwoVendors.FAL_STD + " (job vg1:fal:"), err);
        assertTrue(err.contains("\n[   0.0s] QUEUED (position 0)\n"), err);
        assertTrue(err.contains(String.format(java.util.Locale.ROOT, "%n[%6.1fs] RUNNING%n", queue.toMillis() / 1000.0)), err);
        assertTrue(err.contains("s] SUCCEEDED\n"), err);
    }

    private static Duration onPollGrid(Duration d) {
        long poll = Session.EMULATOR_POLL.toMillis();
        return Duration.ofMillis((d.toMillis() + poll - 1) / poll * poll);
    }

    @Test
    void dryRunPrintsTheExactRequestAndTheQuoteAndSendsNothing() {
        realVendorsAtAnEmulator();
        assertEquals(0, cli.run("generate", "--provider", "runware", "--prompt", PROMPT, "--image", IMAGE,
                "--duration", "10", "--cfg-scale", "0.6", "--negative-prompt", "blur", "--dry-run"));

        String[] lines = cli.out().split("\n");
        assertEquals("# dry run: nothing was sent (runware klingai:6@0)", lines[0]);
        assertEquals("POST " + vendor.runwareBaseUrl(), lines[1]);
        assertEquals("Content-Type: application/json; charset=UTF-8", lines[2]);
        assertEquals("Authorization: Bearer ****", lines[3]);
        assertTrue(lines[4].matches("User-Agent: videogen4j/\\S+ \\(runware\\)"), lines[4]);
        assertEquals("", lines[5]);
        assertTrue(lines[6].startsWith("[{\"taskType\":\"videoInference\",\"taskUUID\":\""), lines[6]);
        assertTrue(lines[6].contains("\"model\":\"klingai:6@0\",\"positivePrompt\":\"A lighthouse at dusk\",\"negativePrompt\":\"blur\","
                + "\"duration\":10,\"CFGScale\":0.6"), lines[6]);
        assertTrue(lines[8].startsWith("# quote: $0.42 (10 s x $0.042/s; https://runware.ai/docs/models/klingai-2-5-turbo-standard"), lines[8]);
        assertEquals(0, vendor.stats().httpRequests("runware"), "a dry run sends nothing");
        assertFalse(cli.out().contains(vendor.runwareApiKey()));
    }

    @Test
    void fallbackShowsEveryAttempt() {
        realVendorsAtAnEmulator();
        vendor.providerDown("runware", Duration.ofHours(1));
        assertEquals(0, cli.run("generate", "--routing", "fallback:runware,fal", "--prompt", PROMPT, "--image", IMAGE));

        assertTrue(cli.out().startsWith("provider  fal\n"), cli.out());
        assertTrue(cli.out().contains("\nattempts  runware klingai:6@0: rejected: runware submit failed: HTTP 503"), cli.out());
        assertTrue(cli.out().contains(" (cost $0 not billed); fal " + TwoVendors.FAL_STD + ": succeeded (cost $0.21 estimated)\n"),
                cli.out());
        assertTrue(cli.out().contains("\ntotal     $0.21 estimated (every attempt)\n"), cli.out());
        assertTrue(cli.err().startsWith("Using the real vendors: fal (key set, at " + vendor.falQueueBaseUrl()
                + "), runware (key set, at " + vendor.runwareBaseUrl() + "). Jobs are billed by the vendor.\n"), cli.err());
        assertTrue(cli.err().contains("] runware submit attempt 1 failed (runware submit failed: HTTP 503"), cli.err());
    }

    @Test
    void aLongJobGetsAHeartbeatWhileNothingChanges() {
        realVendorsAtAnEmulator(ProviderEmulator.builder().timing(Duration.ZERO, Duration.ofSeconds(17)));
        assertEquals(0, cli.run("generate", "--provider", "fal", "--prompt", PROMPT, "--image", IMAGE));

        List<String> progress = cli.err().lines().skip(1).map(l -> l.replaceAll(" \\(job .*", ""))
                .collect(java.util.stream.Collectors.toList());
        // default polling off the emulator: 2 s, then x1.5 (5 s, 9.5 s, 16.25 s, 26.25 s); heartbeats fill the gaps
        assertEquals(List.of("[   0.0s] submitted to fal " + TwoVendors.FAL_STD, "[   0.0s] QUEUED (position 0)",
                "[   2.0s] RUNNING", "[   7.0s] still RUNNING", "[  12.0s] still RUNNING", "[  17.0s] still RUNNING",
                "[  22.0s] still RUNNING", "[  26.3s] SUCCEEDED"), progress);
    }

    @Test
    void aFailedJobIsOneLineAndExitCode1() {
        assertEquals(1, cli.run("generate", "--provider", "runware", "--prompt", "Doomed [emulator:fail]", "--image", IMAGE));
        String line = cli.err().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(line.startsWith("videogen4j generate: Job vg1:runware:klingai%3A6%400:"), line);
        assertTrue(line.contains(" ended FAILED: timeoutProvider "), line);
        assertFalse(cli.err().contains("\tat "), "no stack trace without --verbose");
        assertEquals("", cli.out());
    }

    @Test
    void aContentPolicyRefusalIsOneLineAndExitCode1() {
        assertEquals(1, cli.run("generate", "--provider", "fal", "--prompt", "[emulator:content-policy] x", "--image", IMAGE));
        String line = cli.err().lines().reduce((a, b) -> b).orElseThrow();
        // fal accepts the submit and refuses the input when the job runs (issue 13): the job ends FAILED
        assertTrue(line.startsWith("videogen4j generate: Job vg1:fal:"), line);
        assertTrue(line.contains(" ended FAILED: content_policy_violation "), line);
    }

    @Test
    void providerAndRoutingTogetherIsAUsageError() {
        assertEquals(2, cli.run("generate", "--provider", "fal", "--routing", "cheapest", "--prompt", PROMPT));
        assertEquals("videogen4j generate: give --provider or --routing, not both\n", cli.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, cli.run("generate", "--prompt", PROMPT, "--colour", "red"));
        assertEquals("videogen4j generate: Unknown options: '--colour', 'red' (see videogen4j generate --help)\n", cli.err());
    }
}
