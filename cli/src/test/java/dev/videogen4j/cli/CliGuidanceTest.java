package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.ProviderEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the commands say when the user is missing something, and what they show while they wait. */
class CliGuidanceTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    private static final String PROMPT = "A lighthouse at dusk";
    private final CliRun cli = new CliRun();
    private ProviderEmulator vendor;

    @AfterEach
    void stop() {
        if (vendor != null) vendor.close();
    }

    @Test
    void anImageToVideoModelWithoutAnImageSaysItNeedsOneBeforeAnyRequest() {
        for (String command : List.of("generate", "compare", "quote")) {
            CliRun run = new CliRun();
            assertEquals(2, run.run(command, "--model", "kling-2.5-turbo-standard", "--prompt", PROMPT), command);
            assertEquals("videogen4j " + command + ": model kling-2.5-turbo-standard turns an image into a video: "
                    + "this model needs --image (an http(s) URL or a local file)\n", run.errorLines(), command);
        }
        CliRun t2v = new CliRun();
        assertEquals(0, t2v.run("quote", "--model", "kling-2.5-turbo-pro", "--prompt", PROMPT), "a t2v model needs none");
    }

    @Test
    void compareOnAProviderWithoutAKeySaysTheKeyIsMissing() {
        vendor = ProviderEmulator.builder().clock(cli.clock).start();
        cli.env.put("RUNWARE_API_KEY", vendor.runwareApiKey());
        cli.env.put("VIDEOGEN4J_RUNWARE_BASE_URL", vendor.runwareBaseUrl());

        assertEquals(2, cli.run("compare", "--provider", "fal", "--prompt", PROMPT, "--image", IMAGE));

        String line = cli.errorLines();
        assertTrue(line.startsWith("videogen4j compare: Provider 'fal' needs an API key: set VIDEOGEN4J_FAL_API_KEY or FAL_KEY"),
                line);
        assertEquals(0, vendor.stats().httpRequests("runware") + vendor.stats().httpRequests("fal"));
    }

    @Test
    void compareShowsEachJobsProgressOnStderrWhileRowsRun() {
        assertEquals(0, cli.run("compare", "--prompt", PROMPT, "--image", IMAGE));

        String err = cli.err();
        assertTrue(err.contains("] submitted to runware klingai:6@0 (job vg1:runware:"), err);
        assertTrue(err.contains("] submitted to fal " + TwoVendors.FAL_STD + " (job vg1:fal:"), err);
        assertTrue(err.contains("] runware klingai:6@0: RUNNING\n"), err);
        assertTrue(err.contains("] fal " + TwoVendors.FAL_STD + ": QUEUED (position 0)\n"), err);
        assertTrue(err.contains("] fal " + TwoVendors.FAL_STD + ": SUCCEEDED\n"), err);
        assertTrue(err.indexOf("] runware klingai:6@0: SUCCEEDED") > err.indexOf("] submitted to fal"),
                "both run at once: fal was submitted before runware finished\n" + err);
        assertEquals(3, cli.out().lines().count(), "the table itself is unchanged: " + cli.out());
    }

    @Test
    void aFailedDownloadAfterAPaidJobSaysTheJobSucceededAndWhereTheVideoIs(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        Path out = notADirectory.resolve("lighthouse.mp4");

        assertEquals(GenerateCommand.EXIT_SAVE_FAILED,
                cli.run("generate", "--provider", "fal", "--prompt", PROMPT, "--image", IMAGE, "--out", out.toString()));

        String video = cli.out().lines().filter(l -> l.startsWith("video     ")).findFirst().orElseThrow().substring(10);
        String line = cli.err().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(line.startsWith("videogen4j generate: the job succeeded (vg1:fal:"), line);
        assertTrue(line.contains(") and its video is at " + video + ", but saving it to " + out + " failed: "), line);
        assertTrue(cli.out().startsWith("provider  fal\n"), "the result is printed all the same: " + cli.out());
        assertFalse(Files.exists(out));
    }
}
