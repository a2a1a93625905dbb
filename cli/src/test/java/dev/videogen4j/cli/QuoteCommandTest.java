package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuoteCommandTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    private final CliRun cli = new CliRun();

    private List<String> cells(int row, int... columns) {
        String[] r = cli.out().lines().skip(1 + row).findFirst().orElseThrow().split("\\s{2,}");
        return java.util.Arrays.stream(columns).mapToObj(c -> r[c]).collect(Collectors.toList());
    }

    @Test
    void pricesTheRequestOnEveryVendor() {
        assertEquals(0, cli.run("quote", "--prompt", "A lighthouse at dusk", "--image", IMAGE, "--duration", "10"));

        assertEquals(List.of("runware", "klingai:6@0", "kling-2.5-turbo-standard", "10", "0.042", "$0.42"), cells(0, 0, 1, 2, 3, 4, 5),
                "read from Runware's page on 2026-12-01");
        assertEquals(List.of("fal", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video", "10", "0.042", "$0.42"),
                cells(1, 0, 1, 3, 4, 5), "read from fal's page on 2026-12-02");
        assertFalse(cli.out().contains("possibly stale"), cli.out());
        assertTrue(cli.out().endsWith("cheapest: runware klingai:6@0 $0.42\n"), cli.out());
    }

    @Test
    void anUndatedPriceIsMarkedPossiblyStale() {
        assertEquals(0, cli.run("quote", "--model", "kling-2.5-turbo-pro", "--prompt", "A lighthouse at dusk", "--image", IMAGE));
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("runware") && l.contains("klingai:6@1") && l.contains("$0.35*")),
                "Runware's 0.07/s for klingai:6@1 is undated: " + cli.out());
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("fal") && l.contains("$0.35") && !l.contains("$0.35*")),
                "fal's 0.07/s was read on 2026-12-02: " + cli.out());
        assertTrue(cli.out().contains("\n* price read from its source more than 90 days ago, or undated: possibly stale\n"),
                cli.out());
    }

    @Test
    void theCheapestVendorIsNamed() {
        assertEquals(0, cli.run("quote", "--model", "kling-2.1-standard", "--prompt", "A lighthouse", "--image", IMAGE));
        assertEquals(List.of("runware", "$0.185"), cells(0, 0, 5), "read from Runware's page on 2026-12-01: fresh");
        assertEquals(List.of("fal", "$0.28"), cells(1, 0, 5), "read from fal's page on 2026-12-02: fresh");
        assertTrue(cli.out().endsWith("cheapest: runware klingai:5@1 $0.185\n"), cli.out());
    }

    @Test
    void aModelThatCannotTakeTheRequestAsWrittenIsNamedWithTheReason() {
        assertEquals(0, cli.run("quote", "--model", "kling-2.1-standard", "--prompt", "p", "--image", IMAGE));
        assertEquals(List.of("fal", "$0.28"), cells(0, 0, 5));
        assertTrue(cli.out().endsWith("not eligible: runware klingai:5@1: prompt=1 characters (allowed: 2..2500 characters)\n"
                + "cheapest: fal fal-ai/kling-video/v2.1/standard/image-to-video $0.28\n"), cli.out());
    }

    @Test
    void anInvalidRequestIsOneLineWithEveryProblemAndNoStackTrace() {
        assertEquals(2, cli.run("quote", "--prompt", "p", "--image", IMAGE, "--duration", "7"));
        String line = cli.errorLines();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("videogen4j quote: Invalid request for klingai:6@0"), line);
        assertTrue(line.contains("durationSeconds=7 (allowed: 5, 10)"), line);
        assertEquals("", cli.out());
    }

    @Test
    void verboseAddsTheStackTrace() {
        assertEquals(2, cli.run("quote", "--verbose", "--prompt", "p", "--image", IMAGE, "--duration", "7"));
        assertTrue(cli.errorLines().lines().count() > 5, cli.err());
        assertTrue(cli.err().contains("dev.videogen4j.error.InvalidRequestException: Invalid request"), cli.err());
        assertTrue(cli.err().contains("\tat dev.videogen4j.internal.ModelResolver.resolve"), cli.err());
    }

    @Test
    void aMissingPromptIsAUsageError() {
        assertEquals(2, cli.run("quote", "--image", IMAGE));
        assertEquals("videogen4j quote: Missing required option: '--prompt=TEXT' (see videogen4j quote --help)\n", cli.err());
    }

    @Test
    void anImageThatIsNeitherUrlNorFileIsRefused() {
        assertEquals(2, cli.run("quote", "--prompt", "p", "--image", "no-such-file.png"));
        assertEquals("videogen4j quote: image 'no-such-file.png' is neither an http(s) URL nor a readable file\n", cli.errorLines());
    }
}
