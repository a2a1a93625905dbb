package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Byte-exact wire bodies for every model of a catalog: a fixed set of requests per model and workflow, each
 * body compared with a golden file, so a change of how the mapping is expressed (code or catalog data) cannot
 * change a single byte of what is sent without a test saying so.
 *
 * <pre>{@code
 * WireGolden.verify(Path.of("src/test/resources/wire-golden.txt"), provider.models(),
 *         (request, model) -> provider.preview(request, new SubmitContext(model, "task-1")).body());
 * // run once with -Dvideogen4j.golden.write=true to (re)write the file; review its diff like code
 * }</pre>
 */
public final class WireGolden {
    /** The system property that rewrites the golden file instead of comparing with it. */
    public static final String WRITE = "videogen4j.golden.write";

    private WireGolden() {
    }

    /** The cases: one line each, {@code model workflow case<TAB>body}, in catalog order. */
    public static List<String> lines(List<ModelCapabilities> models,
                                     BiFunction<VideoRequest, ModelCapabilities, String> body) {
        List<String> out = new ArrayList<>();
        for (ModelCapabilities m : models) {
            for (Workflow w : List.of(Workflow.TEXT_TO_VIDEO, Workflow.IMAGE_TO_VIDEO)) {
                if (!m.supports(w)) continue;
                cases(m, w).forEach((name, r) -> out.add(m.id() + " " + w.shortName() + " " + name + "\t"
                        + body.apply(r, m).replace("\n", "\\n")));
            }
        }
        return out;
    }

    /** Compares with {@code golden}, or rewrites it when {@link #WRITE} is set. */
    public static void verify(Path golden, List<ModelCapabilities> models,
                              BiFunction<VideoRequest, ModelCapabilities, String> body) {
        List<String> actual = lines(models, body);
        try {
            if (Boolean.getBoolean(WRITE)) {
                Files.write(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            List<String> expected = Files.readAllLines(golden, StandardCharsets.UTF_8);
            assertEquals(String.join("\n", expected), String.join("\n", actual), "wire bodies differ from " + golden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, VideoRequest> cases(ModelCapabilities m, Workflow w) {
        Map<String, VideoRequest> c = new LinkedHashMap<>();
        c.put("minimal", build(builder(m, w, false)));
        c.put("full", build(full(builder(m, w, true), m)));
        return c;
    }

    private static VideoRequest build(VideoRequest.Builder<?> b) {
        return b instanceof TextToVideoRequest.Builder ? ((TextToVideoRequest.Builder) b).build()
                : ((ImageToVideoRequest.Builder) b).build();
    }

    private static VideoRequest.Builder<?> builder(ModelCapabilities m, Workflow w, boolean last) {
        if (w == Workflow.TEXT_TO_VIDEO) {
            return TextToVideoRequest.builder().model(m.id()).prompt("A lighthouse at dusk, waves below");
        }
        ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().model(m.id()).prompt("The camera glides forward")
                .image(ImageInput.url("https://example.com/first.jpg"));
        if (last && m.frameImages().contains(FramePosition.LAST)) {
            b.lastImage(ImageInput.url("https://example.com/last.jpg"));
        }
        return b;
    }

    private static VideoRequest.Builder<?> full(VideoRequest.Builder<?> b, ModelCapabilities m) {
        if (m.negativePrompt() != null) b.negativePrompt("blur, flicker");
        if (!m.durations().isEmpty()) b.durationSeconds(m.durations().get(m.durations().size() - 1));
        if (m.cfgScale() != null) b.cfgScale(m.cfgScale().max() / 2);
        if (!m.acceptedAspectRatios().isEmpty()) b.aspectRatio(m.acceptedAspectRatios().iterator().next());
        if (m.maxResults() > 1) b.numberResults(m.maxResults());
        if (m.outputFormats().size() > 1) {
            b.outputFormat(m.outputFormats().stream().max(Enum::compareTo).orElse(OutputFormat.MP4));
        }
        if (m.outputQuality() != null) b.outputQuality((int) m.outputQuality().max());
        return b.webhookUrl("https://app.example.com/hooks/video");
    }
}
