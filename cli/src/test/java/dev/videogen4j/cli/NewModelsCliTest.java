package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every newer model from the command line: a {@code --dry-run} per native id shows the exact request (and sends
 * nothing), and a family whose vendors differ is quoted on both only when the request fits both
 * (NewModelsCompareTest runs each family on both vendors of the emulator).
 */
class NewModelsCliTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    private final CliRun cli = new CliRun();
    private ProviderEmulator vendor;

    @AfterEach
    void stop() {
        if (vendor != null) vendor.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "runware, google:3@3, t2v, '\"width\":1280,\"height\":720'",
            "runware, klingai:kling-video@3-standard, t2v, '\"width\":1280,\"height\":720'",
            "runware, klingai:kling-video@3-pro, i2v, '\"inputs\":{\"frameImages\":[{\"image\":\"https://example.com/first.jpg\",\"frame\":\"first\"}]}'",
            "runware, bytedance:seedance@1.5-pro, t2v, '\"width\":1280,\"height\":720'",
            "runware, minimax:4@1, i2v, '\"frame\":\"first\"'",
            "runware, alibaba:wan@2.6, t2v, '\"width\":1280,\"height\":720'",
            "runware, google:3@2, t2v, '\"width\":1280,\"height\":720'",
            "runware, klingai:kling-video@2.6-pro, t2v, '\"width\":1920,\"height\":1080'",
            "runware, bytedance:seedance@2.0, t2v, '\"width\":1280,\"height\":720'",
            "runware, minimax:4@2, i2v, '\"frame\":\"first\"'",
            "fal, fal-ai/veo3.1, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/veo3.1/image-to-video, i2v, '\"image_url\":\"https://example.com/first.jpg\"'",
            "fal, fal-ai/veo3.1/fast, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/veo3.1/fast/image-to-video, i2v, '\"image_url\"'",
            "fal, fal-ai/kling-video/v3/standard/text-to-video, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/kling-video/v3/pro/text-to-video, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/kling-video/v3/pro/image-to-video, i2v, '\"start_image_url\"'",
            "fal, fal-ai/kling-video/v2.6/pro/text-to-video, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/kling-video/v2.6/pro/image-to-video, i2v, '\"start_image_url\"'",
            "fal, fal-ai/bytedance/seedance/v1.5/pro/text-to-video, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/bytedance/seedance/v1.5/pro/image-to-video, i2v, '\"image_url\"'",
            "fal, bytedance/seedance-2.0/text-to-video, t2v, '\"aspect_ratio\":\"16:9\"'",
            "fal, fal-ai/minimax/hailuo-2.3/standard/text-to-video, t2v, '\"prompt\":\"A lighthouse at dusk\"'",
            "fal, fal-ai/minimax/hailuo-2.3/standard/image-to-video, i2v, '\"image_url\"'",
            "fal, fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video, i2v, '\"image_url\"'",
            "fal, wan/v2.6/text-to-video, t2v, '{\"prompt\":\"A lighthouse at dusk\",\"aspect_ratio\":\"16:9\"}'",
            "fal, wan/v2.6/image-to-video, i2v, '{\"prompt\":\"A lighthouse at dusk\",\"image_url\":\"https://example.com/first.jpg\"}'",
    })
    void dryRunShowsTheExactRequestPerModel(String provider, String model, String workflow, String fragment) {
        realVendorsAtAnEmulator();
        boolean i2v = workflow.equals("i2v");
        boolean aspect = !model.contains("hailuo") && !model.equals("minimax:4@1") && !i2v;
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--provider", provider, "--model", model,
                "--prompt", "A lighthouse at dusk", "--dry-run"));
        if (i2v) args.addAll(List.of("--image", IMAGE));
        if (aspect) args.addAll(List.of("--aspect-ratio", "16:9"));
        assertEquals(0, cli.run(args.toArray(String[]::new)), cli.err());

        String[] lines = cli.out().split("\n");
        assertEquals("# dry run: nothing was sent (" + provider + " " + model + ")", lines[0]);
        String body = java.util.Arrays.stream(lines).filter(l -> l.startsWith("{") || l.startsWith("[")).findFirst().orElseThrow();
        assertTrue(body.contains(fragment), body);
        assertEquals(0, vendor.stats().httpRequests(provider), "a dry run sends nothing");
    }

    /** Two rows are alternatives only when the request as written fits both: 4 s is fal's Veo only. */
    @org.junit.jupiter.api.Test
    void vendorsThatDifferForAFamilyAreAlternativesOnlyWhenTheRequestFitsBoth() {
        assertEquals(0, cli.run("quote", "--model", "veo-3.1-fast", "--prompt", "p", "--aspect-ratio", "16:9", "--duration", "4"));
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(1).startsWith("fal "), cli.out());
        assertTrue(cli.out().contains("not eligible: runware google:3@3: durationSeconds=4 (allowed: 8)"), cli.out());

        CliRun both = new CliRun();
        assertEquals(0, both.run("quote", "--model", "veo-3.1-fast", "--prompt", "p", "--aspect-ratio", "16:9", "--duration", "8",
                "--resolution", "1080p"));
        List<String> rows = both.out().lines().skip(1).filter(l -> !l.startsWith("*")).toList();
        assertTrue(rows.get(0).startsWith("runware") && rows.get(0).contains("google:3@3"), both.out());
        assertTrue(rows.get(1).startsWith("fal") && rows.get(1).contains("fal-ai/veo3.1/fast"), both.out());
        assertTrue(rows.get(0).contains("$0.8 "), "1080p without audio (Runware's default): 8 x $0.10; " + both.out());
    }

    private void realVendorsAtAnEmulator() {
        vendor = ProviderEmulator.builder().clock(cli.clock).seed(3L).start();
        cli.env.put("RUNWARE_API_KEY", vendor.runwareApiKey());
        cli.env.put("VIDEOGEN4J_RUNWARE_BASE_URL", vendor.runwareBaseUrl());
        cli.env.put("FAL_KEY", vendor.falApiKey());
        cli.env.put("VIDEOGEN4J_FAL_BASE_URL", vendor.falQueueBaseUrl());
    }
}
