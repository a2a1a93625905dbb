package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Runware entries added 2026-12-02: Veo 3.1 ({@code google:3@2}) and Kling VIDEO 2.6 Pro from the provider
 * pages' documented examples, Seedance 2.0 from Runware's own worked example, Hailuo 2.3 Fast from its model page;
 * each example body reproduced from a neutral request, and each documented limit refused before anything is sent.
 */
class RunwareLaterModelsTest extends ModelPageTestBase {
    /** runware.ai/docs/en/providers/google, Veo 3.1, "Text-to-video with audio". */
    @Test
    void veo31DocumentedExampleIsSentAsDocumented() {
        String uuid = "f3a2b8c9-1e47-4d3a-9b2f-8c7e6d5a4b3d";
        String prompt = "Cinematic shot of a person walking through a rain-soaked city street at night";
        assertEquals(Fixtures.object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + uuid + "\",\"model\":\"google:3@2\","
                + "\"positivePrompt\":\"" + prompt + "\",\"duration\":8,\"width\":1280,\"height\":720,"
                + "\"providerSettings\":{\"google\":{\"generateAudio\":true}},\"deliveryMethod\":\"async\",\"includeCost\":true}"),
                send(TextToVideoRequest.builder().model("veo-3.1").prompt(prompt).durationSeconds(8).size(1280, 720)
                        .generateAudio(true).build(), "google:3@2", uuid));
    }

    /** The same page's first/last frame example: both frames, the size as well (the page sends it with frames). */
    @Test
    void veo31TakesAFirstAndALastFrame() {
        Map<String, Object> sent = send(ImageToVideoRequest.builder().model("veo-3.1").prompt("Smooth transition")
                .image(ImageInput.url("https://example.com/a.jpg")).lastImage(ImageInput.url("https://example.com/b.jpg"))
                .durationSeconds(8).size(1280, 720).build(), "google:3@2", Fixtures.TASK);
        assertEquals(Map.of("frameImages", List.of(Map.of("image", "https://example.com/a.jpg", "frame", "first"),
                Map.of("image", "https://example.com/b.jpg", "frame", "last"))), sent.get("inputs"));
        assertEquals(List.of(1280, 720), List.of(((Number) sent.get("width")).intValue(), ((Number) sent.get("height")).intValue()));
    }

    /** runware.ai/docs/en/providers/klingai, Kling VIDEO 2.6 Pro: the text-to-video and the image-to-video example. */
    @Test
    void kling26ProDocumentedExamplesAreSentAsDocumented() {
        String uuid = "24cd5dff-cb81-4db5-8506-b72a9425f9d4";
        String prompt = "A bustling city street at night with people talking and traffic sounds";
        assertEquals(Fixtures.object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + uuid + "\","
                + "\"model\":\"klingai:kling-video@2.6-pro\",\"positivePrompt\":\"" + prompt + "\",\"duration\":10,"
                + "\"width\":1920,\"height\":1080,\"providerSettings\":{\"klingai\":{\"sound\":true}},"
                + "\"deliveryMethod\":\"async\",\"includeCost\":true}"),
                send(TextToVideoRequest.builder().model("kling-2.6-pro").prompt(prompt).durationSeconds(10).size(1920, 1080)
                        .generateAudio(true).build(), "klingai:kling-video@2.6-pro", uuid));

        String i2vUuid = "b8c4d952-7f27-4a6e-bc9a-83f01d1c6d63";
        String image = "c64351d5-4c59-42f7-95e1-eace013eddab";
        String i2vPrompt = "Bring this scene to life with natural motion and ambient sounds";
        assertEquals(Fixtures.object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + i2vUuid + "\","
                + "\"model\":\"klingai:kling-video@2.6-pro\",\"inputs\":{\"frameImages\":[{\"image\":\"" + image + "\","
                + "\"frame\":\"first\"}]},\"positivePrompt\":\"" + i2vPrompt + "\",\"duration\":5,"
                + "\"providerSettings\":{\"klingai\":{\"sound\":true}},\"deliveryMethod\":\"async\",\"includeCost\":true}"),
                send(ImageToVideoRequest.builder().model("kling-2.6-pro").prompt(i2vPrompt).image(ImageInput.asset(image))
                        .durationSeconds(5).generateAudio(true).build(), "klingai:kling-video@2.6-pro", i2vUuid));
    }

    /** github.com/Runware/runware-skills, replace-in-video examples, step A: the one Seedance 2.0 body Runware shows. */
    @Test
    void seedance20WorkedExampleIsSentAsShown() {
        String uuid = "c8d9e0f1-2a3b-4c5d-6e7f-8a9b0c1d2e3f";
        String prompt = "An empty industrial loading area at sunrise outside a brick warehouse in a 1990s American crime film.";
        assertEquals(Fixtures.object("{\"taskType\":\"videoInference\",\"taskUUID\":\"" + uuid + "\","
                + "\"model\":\"bytedance:seedance@2.0\",\"deliveryMethod\":\"async\",\"positivePrompt\":\"" + prompt + "\","
                + "\"width\":1280,\"height\":720,\"duration\":5,\"includeCost\":true}"),
                send(TextToVideoRequest.builder().model("seedance-2.0").prompt(prompt).aspectRatio("16:9").durationSeconds(5)
                        .build(), "bytedance:seedance@2.0", uuid));
    }

    @Test
    void documentedLimitsAreRefusedBeforeAnythingIsSent() {
        CapabilityMatrix matrix = CapabilityMatrix.of(provider.models());
        assertEquals(List.of(new Violation("durationSeconds", "6", "8")),
                matrix.violations(t2v("veo-3.1").size(1280, 720).durationSeconds(6).build(), model("google:3@2")));
        assertEquals(List.of("seed"), fields(matrix.violations(t2v("veo-3.1").size(1280, 720).seed(1L).build(), model("google:3@2"))));
        assertEquals(List.of("durationSeconds"), fields(matrix.violations(t2v("kling-2.6-pro").size(1920, 1080)
                .durationSeconds(8).build(), model("klingai:kling-video@2.6-pro"))));
        assertEquals(List.of("width/height"), fields(matrix.violations(t2v("kling-2.6-pro").size(1280, 720).build(),
                model("klingai:kling-video@2.6-pro"))));
        assertEquals(List.of("durationSeconds"), fields(matrix.violations(t2v("seedance-2.0").aspectRatio("16:9")
                .durationSeconds(10).build(), model("bytedance:seedance@2.0"))), "only the example's 5 s is confirmed");
        assertEquals(List.of("generateAudio"), fields(matrix.violations(t2v("seedance-2.0").aspectRatio("16:9")
                .generateAudio(true).build(), model("bytedance:seedance@2.0"))));
        assertFalse(matrix.violations(t2v("hailuo-2.3-fast").build(), model("minimax:4@2")).isEmpty(),
                "Hailuo 2.3 Fast is image-to-video only");
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void noPriceIsInventedWhereRunwarePublishesNoneWeCouldRead() {
        for (String id : List.of("google:3@2", "klingai:kling-video@2.6-pro", "bytedance:seedance@2.0", "minimax:4@2")) {
            assertFalse(model(id).pricing().isKnown(), id);
            assertTrue(model(id).source().contains("http"), id + " names its source");
            assertTrue(model(id).checked() != null, id + " names its date");
        }
    }

    private static TextToVideoRequest.Builder t2v(String model) {
        return TextToVideoRequest.builder().model(model).prompt("a lighthouse");
    }
}
