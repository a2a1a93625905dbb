package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The newer Runware families against their model pages (read 2026-12-01): the documented example bodies, the
 * documented limits, the prices; and issue 13's seed rule for Kling.
 */
class RunwareNewModelsTest extends ModelPageTestBase {
    /** runware.ai/docs/models/minimax-hailuo-2-3/examples, "Submerged Grand Piano Ballroom", from a neutral request. */
    @Test
    void hailuo23DocumentedExampleIsSentAsDocumented() {
        String uuid = "12c20a98-991b-459f-b3a3-41741a7dfd19";
        Map<String, Object> sent = send(TextToVideoRequest.builder().model("hailuo-2.3").prompt("A vast forgotten ballroom")
                .size(1920, 1080).durationSeconds(6).providerOption("fps", 25)
                .providerOption("providerSettings", Map.of("minimax", Map.of("promptOptimizer", false))).build(), "minimax:4@1", uuid);
        assertEquals(Fixtures.object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + uuid + "\",\"model\":\"minimax:4@1\","
                + "\"positivePrompt\":\"A vast forgotten ballroom\",\"width\":1920,\"height\":1080,\"duration\":6,"
                + "\"deliveryMethod\":\"async\",\"includeCost\":true,\"fps\":25,"
                + "\"providerSettings\":{\"minimax\":{\"promptOptimizer\":false}}}"), sent);
    }

    @Test
    void veo31FastPutsAudioUnderProviderSettingsGoogleAndNeedsASizeForTextToVideo() {
        Map<String, Object> sent = send(TextToVideoRequest.builder().model("veo-3.1-fast").prompt("p").aspectRatio("9:16")
                .resolution("1080p").generateAudio(true).build(), "google:3@3", Fixtures.TASK);
        assertEquals(new BigDecimal("1080"), sent.get("width"));
        assertEquals(new BigDecimal("1920"), sent.get("height"));
        assertEquals(null, sent.get("resolution"), "never with width/height");
        assertEquals(Map.of("google", Map.of("generateAudio", true)), sent.get("providerSettings"));

        Map<String, Object> i2v = send(ImageToVideoRequest.builder().model("veo-3.1-fast").prompt("p")
                .image(ImageInput.url("https://example.com/a.jpg")).resolution("720p").build(), "google:3@3", Fixtures.TASK);
        assertEquals("720p", i2v.get("resolution"), "image-to-video takes no size, the resolution goes as is");
        assertEquals(false, i2v.containsKey("width"));
    }

    @Test
    void documentedLimitsAreRefusedBeforeAnythingIsSent() {
        CapabilityMatrix matrix = CapabilityMatrix.of(provider.models());
        assertEquals(List.of(new Violation("aspectRatio", null, "an aspect ratio or a size: google:3@3 requires one for t2v")),
                matrix.violations(t2v("veo-3.1-fast").build(), model("google:3@3")));
        assertEquals(List.of("aspectRatio"), fields(matrix.violations(ImageToVideoRequest.builder().model("veo-3.1-fast")
                .prompt("p").image(ImageInput.url("https://e.com/a.jpg")).aspectRatio("16:9").build(), model("google:3@3"))),
                "exactly one of frameImages or width/height");
        assertEquals(List.of("durationSeconds"), fields(matrix.violations(t2v("wan-2.6").durationSeconds(7).build(), model("alibaba:wan@2.6"))));
        assertEquals(List.of("generateAudio"), fields(matrix.violations(t2v("hailuo-2.3").generateAudio(true).build(), model("minimax:4@1"))));
        assertEquals(List.of("generateAudio"), fields(matrix.violations(t2v("kling-3.0-pro").aspectRatio("16:9").generateAudio(false).build(),
                model("klingai:kling-video@3-pro"))), "its audio field is not documented in the page we read");
    }

    @Test
    void pricesFollowThePage() {
        assertEquals(new BigDecimal("1.20").stripTrailingZeros(), price(t2v("veo-3.1-fast").aspectRatio("16:9").resolution("1080p").generateAudio(true).build(), "google:3@3"));
        assertEquals(new BigDecimal("0.8").stripTrailingZeros(), price(t2v("veo-3.1-fast").aspectRatio("16:9").resolution("1080p").build(), "google:3@3"), "audio off by default");
        assertTrue(CapabilityMatrix.price(t2v("veo-3.1-fast").aspectRatio("16:9").build(), model("google:3@3")).isEmpty(), "720p is not priced");
        assertEquals(new BigDecimal("0.49").stripTrailingZeros(), price(t2v("hailuo-2.3").aspectRatio("16:9").durationSeconds(6).build(), "minimax:4@1"));
        assertEquals(new BigDecimal("1.50").stripTrailingZeros(), price(t2v("wan-2.6").resolution("1080p").durationSeconds(10).build(), "alibaba:wan@2.6"));
        assertEquals(new BigDecimal("0.840").stripTrailingZeros(), price(t2v("kling-3.0-pro").aspectRatio("16:9").build(), "klingai:kling-video@3-pro"),
                "audio default undocumented: the dearer price");
    }

    /** Issue 13 item 3: the current Kling pages list seed only as a response field. */
    @Test
    void seedIsRefusedOnKlingWithTheReasonAndProviderOptionsSendItDeliberately() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> send(t2v("klingai:1@1").seed(42L).build(), "klingai:1@1", Fixtures.TASK));
        assertEquals("seed", e.violations().get(0).field());
        assertTrue(e.violations().get(0).allowed().contains("only as a response field"), e.violations().get(0).allowed());
        assertTrue(e.violations().get(0).allowed().contains("providerOptions(\"seed\", n)"));
        assertEquals(0, server.getRequestCount());

        Map<String, Object> sent = send(t2v("klingai:1@1").providerOption("seed", 42).build(), "klingai:1@1", Fixtures.TASK);
        assertEquals(new BigDecimal("42"), sent.get("seed"));
        assertEquals(new BigDecimal("42"), send(t2v("veo-3.1-fast").aspectRatio("16:9").seed(42L).build(), "google:3@3",
                Fixtures.TASK).get("seed"), "Veo's page documents seed");
    }

    private BigDecimal price(VideoRequest r, String model) {
        return CapabilityMatrix.price(r, model(model)).orElseThrow().stripTrailingZeros();
    }

    private static TextToVideoRequest.Builder t2v(String model) {
        return TextToVideoRequest.builder().model(model).prompt("p");
    }
}
