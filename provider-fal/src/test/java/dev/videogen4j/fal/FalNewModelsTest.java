package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.SubmitContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The newer fal families, against fal's own documented examples and limits (model pages read 2026-12-01):
 * the quick-start bodies reproduce from neutral requests, out-of-range values are refused before sending,
 * and prices follow the page (per second by resolution and audio, or per video).
 */
class FalNewModelsTest extends FalServerTest {
    /** https://fal.ai/models/fal-ai/veo3.1/llms.txt: the required-parameters example is the prompt alone. */
    @Test
    void veo31QuickStartIsThePromptAlone() throws Exception {
        String prompt = "Two person street interview in New York City.\nSample Dialogue:\nHost: \"Did you hear the news?\"";
        assertEquals("{\"prompt\":\"Two person street interview in New York City.\\nSample Dialogue:\\nHost: \\\"Did you hear the news?\\\"\"}",
                send(TextToVideoRequest.builder().model("veo-3.1").prompt(prompt).build(), "fal-ai/veo3.1"));
    }

    @Test
    void veo31WritesDurationsWithAnSAndAudioAndResolutionAsFalNamesThem() throws Exception {
        assertEquals("{\"prompt\":\"p\",\"duration\":\"4s\",\"aspect_ratio\":\"9:16\",\"resolution\":\"1080p\",\"generate_audio\":false,\"seed\":7}",
                send(TextToVideoRequest.builder().model("veo-3.1").prompt("p").durationSeconds(4).aspectRatio("9:16")
                        .resolution("1080p").generateAudio(false).seed(7L).build(), "fal-ai/veo3.1"));
    }

    /** fal's Kling 2.6 Pro docs quick start: prompt and start_image_url. */
    @Test
    void kling26ProImageToVideoSendsStartAndEndImageUrls() throws Exception {
        assertEquals("{\"prompt\":\"A king walks slowly\",\"start_image_url\":\"https://v3b.fal.media/files/king.png\"}",
                send(ImageToVideoRequest.builder().model("kling-2.6-pro").prompt("A king walks slowly")
                        .image(ImageInput.url("https://v3b.fal.media/files/king.png")).build(),
                        "fal-ai/kling-video/v2.6/pro/image-to-video"));
    }

    /** The Hailuo 2.3 Fast page's required-parameters example: prompt and image_url. */
    @Test
    void hailuo23FastRequiredExample() throws Exception {
        String img = "https://storage.googleapis.com/falserverless/example_inputs/hailuo23/fast_standard_i2v_in.jpg";
        assertEquals("{\"prompt\":\"Athlete running powerfully on beach\",\"image_url\":\"" + img + "\"}",
                send(ImageToVideoRequest.builder().model("hailuo-2.3-fast").prompt("Athlete running powerfully on beach")
                        .image(ImageInput.url(img)).build(), "fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video"));
    }

    @Test
    void documentedLimitsAreRefusedBeforeAnythingIsSent() {
        CapabilityMatrix matrix = CapabilityMatrix.of(fal.models());
        assertEquals(List.of(new Violation("durationSeconds", "5", "8, 4, 6"),
                        new Violation("resolution", "480p", "720p, 1080p, 4k")),
                matrix.violations(t2v("veo-3.1").durationSeconds(5).resolution("480p").build(), model("fal-ai/veo3.1")));
        assertEquals(List.of("generateAudio"), fields(matrix.violations(t2v("hailuo-2.3").generateAudio(true).build(),
                model("fal-ai/minimax/hailuo-2.3/standard/text-to-video"))));
        assertEquals(List.of("resolution"), fields(matrix.violations(t2v("hailuo-2.3").resolution("1080p").build(),
                model("fal-ai/minimax/hailuo-2.3/standard/text-to-video"))), "the 768p endpoint");
        assertEquals(List.of("durationSeconds"), fields(matrix.violations(t2v("seedance-1.5-pro").durationSeconds(15).build(),
                model("fal-ai/bytedance/seedance/v1.5/pro/text-to-video"))), "4..12 s");
        assertEquals(List.of("seed"), fields(matrix.violations(t2v("kling-3.0-pro").seed(1L).build(),
                model("fal-ai/kling-video/v3/pro/text-to-video"))));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> fal.submit(
                t2v("veo-3.1").cfgScale(0.5).build(), new SubmitContext(model("fal-ai/veo3.1"), "s-1")));
        assertEquals("cfgScale", e.violations().get(0).field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void pricesFollowThePageByResolutionAudioAndVideo() {
        assertEquals(new BigDecimal("3.20").stripTrailingZeros(), price(t2v("veo-3.1").build(), "fal-ai/veo3.1"), "8 s at 720p with audio (default on)");
        assertEquals(new BigDecimal("1.60").stripTrailingZeros(), price(t2v("veo-3.1").generateAudio(false).build(), "fal-ai/veo3.1"));
        assertEquals(new BigDecimal("2.40").stripTrailingZeros(), price(t2v("veo-3.1").resolution("4k").durationSeconds(4).build(), "fal-ai/veo3.1"));
        assertEquals(new BigDecimal("0.56").stripTrailingZeros(), price(t2v("hailuo-2.3").durationSeconds(10).build(),
                "fal-ai/minimax/hailuo-2.3/standard/text-to-video"));
        assertEquals(new BigDecimal("0.630").stripTrailingZeros(), price(t2v("kling-3.0-standard").build(),
                "fal-ai/kling-video/v3/standard/text-to-video"), "5 s, audio on by default: $0.126/s");
        assertEquals(new BigDecimal("0.25920").stripTrailingZeros(), price(t2v("seedance-1.5-pro").build(),
                "fal-ai/bytedance/seedance/v1.5/pro/text-to-video"), "fal's example: about $0.26 for 720p 5 s with audio");
    }

    private String send(VideoRequest r, String endpoint) throws Exception {
        server.enqueue(json(200, "{\"request_id\": \"r-1\"}"));
        SubmitContext ctx = new SubmitContext(model(endpoint), "0b7e5d0c-3a55-4c7e-9a51-6f0f3f3f0e11");
        if (r instanceof TextToVideoRequest) fal.submit((TextToVideoRequest) r, ctx);
        else fal.submit((ImageToVideoRequest) r, ctx);
        RecordedRequest req = server.takeRequest();
        assertEquals("/" + endpoint, req.getTarget());
        return FalFixtures.body(req);
    }

    private static BigDecimal price(VideoRequest r, String endpoint) {
        return CapabilityMatrix.price(r, model(endpoint)).orElseThrow().stripTrailingZeros();
    }

    private static TextToVideoRequest.Builder t2v(String model) {
        return TextToVideoRequest.builder().model(model).prompt("p");
    }

    private static ModelCapabilities model(String id) {
        return FalFixtures.model(id);
    }

    private static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).collect(Collectors.toList());
    }
}
