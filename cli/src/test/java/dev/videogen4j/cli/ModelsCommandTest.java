package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void filtersByProviderAndWorkflow() {
        assertEquals(0, cli.run("models", "--provider", "fal", "--workflow", "i2v"));

        List<String[]> rows = cli.out().lines().skip(1).map(l -> l.split("\\s{2,}")).collect(Collectors.toList());
        assertEquals(List.of("fal-ai/kling-video/v1.6/standard/image-to-video", "fal-ai/kling-video/v1.6/pro/image-to-video",
                        "fal-ai/kling-video/v2.1/standard/image-to-video", "fal-ai/kling-video/v2.1/pro/image-to-video",
                        "fal-ai/kling-video/v2.1/master/image-to-video", "fal-ai/kling-video/v2.5-turbo/standard/image-to-video",
                        "fal-ai/kling-video/v2.5-turbo/pro/image-to-video", "fal-ai/veo3.1/image-to-video",
                        "fal-ai/veo3.1/fast/image-to-video", "fal-ai/kling-video/v3/pro/image-to-video",
                        "fal-ai/kling-video/v2.6/pro/image-to-video", "fal-ai/bytedance/seedance/v1.5/pro/image-to-video",
                        "fal-ai/minimax/hailuo-2.3/standard/image-to-video", "fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video"),
                rows.stream().map(r -> r[1]).collect(Collectors.toList()));
        String[] std = rows.get(5);
        assertEquals(List.of("fal", "kling-2.5-turbo-standard", "i2v", "5,10", "from image", "first", "0..1", "0.042"),
                List.of(std[0], std[2], std[3], std[4], std[5], std[6], std[7], std[8]));
        assertTrue(cli.err().startsWith("Using the built-in emulator"), cli.err());
    }

    @Test
    void markdownIsTheReadmeTable() {
        assertEquals(0, cli.run("models", "--markdown", "--provider", "runware"));
        assertTrue(cli.out().startsWith("| provider | model | family | workflows | durations (s) | sizes | frame images | USD/s |\n"
                + "|---|---|---|---|---|---|---|---|\n| runware | `klingai:1@1` | kling-1.0-standard |"), cli.out());
        assertTrue(cli.out().contains("| runware | `klingai:6@0` | kling-2.5-turbo-standard | i2v | 5, 10 | from image | first | 0.042 |"),
                cli.out());
        assertEquals(18 + 2, cli.out().lines().count());
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
