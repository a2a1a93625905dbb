package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.Audio;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.RequestField;
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
        VideoRequest.Builder<?> minimal = builder(m, w, false);
        if (m.wire().missing(build(minimal)).contains(RequestField.SIZE)) {
            minimal.aspectRatio(m.acceptedAspectRatios().iterator().next());
        }
        c.put("minimal", build(minimal));
        c.put("full", build(full(builder(m, w, true), m, w)));
        return c;
    }

    // Whether the model's wire mapping writes the field for this workflow (an entry without a mapping takes all).
    private static boolean takes(ModelCapabilities m, RequestField f, Workflow w) {
        return m.wire().isEmpty() || m.wire().field(f).map(x -> x.appliesTo(w)).orElse(false);
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

    private static VideoRequest.Builder<?> full(VideoRequest.Builder<?> b, ModelCapabilities m, Workflow w) {
        if (m.negativePrompt() != null && takes(m, RequestField.NEGATIVE_PROMPT, w)) b.negativePrompt("blur, flicker");
        // An entry may list the durations its vendor documents yet not map the field (its wire name unconfirmed).
        if (!m.durations().isEmpty() && takes(m, RequestField.DURATION_SECONDS, w)) {
            b.durationSeconds(m.durations().get(m.durations().size() - 1));
        }
        if (m.cfgScale() != null && takes(m, RequestField.CFG_SCALE, w)) b.cfgScale(m.cfgScale().max() / 2);
        String resolution = !m.resolutions().isEmpty() && takes(m, RequestField.RESOLUTION, w)
                ? m.resolutions().get(m.resolutions().size() - 1) : null;
        b.resolution(resolution);
        if (!m.acceptedAspectRatios().isEmpty() && (takes(m, RequestField.ASPECT_RATIO, w) || takes(m, RequestField.SIZE, w))) {
            b.aspectRatio(m.dimensions().stream().filter(d -> resolution == null || d.resolution().equals(resolution))
                    .map(d -> d.aspectRatio()).findFirst().orElse(m.acceptedAspectRatios().iterator().next()));
        }
        if (m.audio() != Audio.NONE && takes(m, RequestField.GENERATE_AUDIO, w)) b.generateAudio(m.audio() != Audio.ON_BY_DEFAULT);
        if (takes(m, RequestField.SEED, w) && !m.unsupported().containsKey("seed")) b.seed(42L);
        if (m.maxResults() > 1) b.numberResults(m.maxResults());
        if (m.outputFormats().size() > 1) {
            b.outputFormat(m.outputFormats().stream().max(Enum::compareTo).orElse(OutputFormat.MP4));
        }
        if (m.outputQuality() != null) b.outputQuality((int) m.outputQuality().max());
        return b.webhookUrl("https://app.example.com/hooks/video");
    }
}
