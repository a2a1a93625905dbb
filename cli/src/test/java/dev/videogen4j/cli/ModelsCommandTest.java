package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void filtersByProviderAndWorkflow() {
        assertEquals(0, cli.run("models", "--provider", "fal", "--workflow", "i2v"));

        List<String[]> rows = cli.out().lines().skip(1).filter(l -> !l.startsWith("* ")).map(l -> l.split("\\s{2,}"))
                .collect(Collectors.toList());
        assertEquals(List.of("fal-ai/kling-video/v1.6/standard/image-to-video", "fal-ai/kling-video/v1.6/pro/image-to-video",
                        "fal-ai/kling-video/v2.1/standard/image-to-video", "fal-ai/kling-video/v2.1/pro/image-to-video",
                        "fal-ai/kling-video/v2.1/master/image-to-video", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video",
                        "fal-ai/kling-video/v2.5-turbo/pro/image-to-video", "fal-ai/veo3.1/image-to-video",
                        "fal-ai/veo3.1/fast/image-to-video", "fal-ai/kling-video/v3/pro/image-to-video",
                        "fal-ai/kling-video/v2.6/pro/image-to-video", "fal-ai/bytedance/seedance/v1.5/pro/image-to-video",
                        "fal-ai/minimax/hailuo-2.3/standard/image-to-video", "fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video",
                        "wan/v2.6/image-to-video"),
                rows.stream().map(r -> r[1]).collect(Collectors.toList()));
        String[] std = rows.get(5);
        assertEquals(List.of("fal", "kling-2.5-turbo-standard", "i2v", "5,10", "from image", "first", "0..1", "0.042", "none", "-",
                "2026-12-02"), List.of(std[0], std[2], std[3], std[4], std[5], std[6], std[7], std[8], std[9], std[10], std[11]));
        assertFalse(cli.out().contains("possibly stale"), "every priced fal i2v entry is dated: " + cli.out());
        assertTrue(cli.err().startsWith("Using the built-in emulator"), cli.err());

        CliRun runware = new CliRun();
        assertEquals(0, runware.run("models", "--provider", "runware", "--workflow", "i2v"));
        assertTrue(runware.out().lines().anyMatch(l -> l.contains("klingai:6@1") && l.contains("0.07*")), runware.out());
        assertTrue(runware.out().endsWith("* price read from its source more than 90 days ago, or undated: possibly stale\n"));
    }

    @Test
    void markdownIsTheReadmeTable() {
        assertEquals(0, cli.run("models", "--markdown", "--provider", "runware"));
        assertTrue(cli.out().startsWith("| provider | model | family | workflows | durations (s) | sizes | resolutions | audio"
                + " | frame images | USD | source (checked) |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
                + "| runware | `klingai:1@1` | kling-1.0-standard | t2v |"), cli.out());
        assertTrue(cli.out().contains("| runware | `klingai:6@0` | kling-2.5-turbo-standard | i2v | 5, 10 | from image | - | none | first"
                + " | 0.042/s | https://runware.ai/docs/models/klingai-2-5-turbo-standard (2026-12-01) |"), cli.out());
        assertTrue(cli.out().contains("| runware | `klingai:6@1` | kling-2.5-turbo-pro | i2v, t2v | 5, 10 | 1280x720, 720x720, 720x1280"
                + " | - | none | first+last | 0.07/s (possibly stale: undated) |"), cli.out());
        assertTrue(cli.out().contains("| runware | `google:3@3` | veo-3.1-fast | i2v, t2v | 8 |"), cli.out());
        assertEquals(22 + 2, cli.out().lines().count());
    }

    @Test
    void jsonPrintsEveryEntryWithItsWireMappingSourceAndPriceDate() {
        assertEquals(0, cli.run("models", "--json", "--provider", "fal"));
        java.util.List<?> all = (java.util.List<?>) dev.videogen4j.internal.Json.parse(cli.out());
        assertEquals(28, all.size());
        java.util.Map<?, ?> veo = all.stream().map(o -> (java.util.Map<?, ?>) o)
                .filter(m -> "fal-ai/veo3.1".equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals("veo-3.1", veo.get("family"));
        assertEquals("on-by-default", veo.get("audio"));
        assertEquals(java.util.Map.of("to", java.util.List.of("duration"), "as", "seconds"),
                ((java.util.Map<?, ?>) veo.get("wire")).get("durationSeconds"));
        assertEquals("https://fal.ai/models/fal-ai/veo3.1/llms.txt", veo.get("source"));
        assertEquals("2026-12-01", veo.get("checked"));
        java.util.Map<?, ?> pricing = (java.util.Map<?, ?>) veo.get("pricing");
        assertEquals("2026-12-01", pricing.get("asOf"));
        assertEquals(false, pricing.get("possiblyStale"));
    }

    @Test
    void anUnknownWorkflowIsOneLineAndExitCode2() {
        assertEquals(2, cli.run("models", "--workflow", "x2v"));
        assertEquals("videogen4j models: Unknown workflow 'x2v': use t2v or i2v\n", cli.errorLines());
        assertEquals("", cli.out());
    }

    @Test
    void anUnknownProviderSaysWhichAreInUse() {
        assertEquals(2, cli.run("models", "--provider", "acme"));
        assertEquals("videogen4j models: no models of provider 'acme' (providers in use: runware, fal)\n", cli.errorLines());
    }
}
