package dev.videogen4j.fal;

import static dev.videogen4j.fal.FalFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.SubmitContext;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Wan 2.6 on fal (pages read 2026-12-02): fal.ai/models/wan/v2.6/text-to-video/api gives the endpoint, 720p/1080p,
 * 5/10/15 s and five aspect ratios, and its example input; fal's client types (fal-js V26TextToVideoInput) give the
 * field names (V26TextToVideoInput, V26ImageToVideoInput); the image-to-video page's example is prompt and image_url.
 */
class FalWan26Test extends FalServerTest {
    static final String T2V = "wan/v2.6/text-to-video";
    static final String I2V = "wan/v2.6/image-to-video";
    /** The text-to-video page's example input: its prompt, verbatim as the stored copy shows it. */
    static final String FOX = "Humorous but premium mini-trailer: a tiny fox 3D director proves \"multi-scene\" by calling"
            + " simple commands that instantly change the set. Extreme photoreal 4K, cinematic lighting, subtle film grain,"
            + " smooth camera. No subtitles, no UI, no watermark.\n\n"
            + "  Shot 1 [0-3s] Macro close-up on the fox snapping a clapboard labeled \"fal\". the fox says : \"Action.\"\n"
            + "  Shot 2 [3-6s] Hard cut: Wild West street at sunset. Wide shot, dust in the air. The Fox (in frame) points"
            + " forward: \"Make it wide.\"\n"
            + "  Shot 3 [6-10s] Hard cut: jungle river. The fox stands on a small boat. The camera pushes forward through"
            + " vines and mist. Fox saying: \"Now\u2026 adventure.\"\n"
            + "  Shot 4 [10-15s] Hard cut: space station window. Slow orbit around the fox with stars outside. Fox nods:"
            + " \"Done. Next movie.\"\n  ";

    @Test
    void theTextToVideoPagesExampleIsThePromptAlone() throws Exception {
        String escaped = FOX.replace("\"", "\\\"").replace("\n", "\\n");
        assertEquals("{\"prompt\":\"" + escaped + "\"}",
                send(TextToVideoRequest.builder().model("wan-2.6").prompt(FOX).build(), T2V));
    }

    @Test
    void everyMappedFieldIsWrittenAsFalsClientTypesNameIt() throws Exception {
        assertEquals("{\"prompt\":\"p\",\"duration\":\"15\",\"aspect_ratio\":\"4:3\",\"negative_prompt\":\"blur\","
                        + "\"resolution\":\"1080p\",\"seed\":7}",
                send(t2v().negativePrompt("blur").durationSeconds(15).aspectRatio("4:3").seed(7L).resolution("1080p")
                        .build(), T2V));
    }

    @Test
    void providerOptionsCarryTheSwitchesTheNeutralRequestDoesNotHave() throws Exception {
        String body = send(t2v().providerOption("multi_shots", false).providerOption("enable_prompt_expansion", false)
                .build(), T2V);
        assertTrue(body.contains("\"multi_shots\":false") && body.contains("\"enable_prompt_expansion\":false"), body);
    }

    /** The image-to-video page's example is prompt and image_url (its image URL is cut off in the copy: a stand-in). */
    @Test
    void imageToVideoSendsPromptAndImageUrlAndTheFieldsItsClientTypesName() throws Exception {
        assertEquals("{\"prompt\":\"Continue from first frame.\",\"image_url\":\"https://example.com/first.png\"}",
                send(i2v().prompt("Continue from first frame.").build(), I2V));
        assertEquals("{\"prompt\":\"p\",\"image_url\":\"https://example.com/first.png\",\"duration\":\"10\","
                        + "\"negative_prompt\":\"blur\",\"resolution\":\"720p\",\"seed\":3}",
                send(i2v().durationSeconds(10).negativePrompt("blur").resolution("720p").seed(3L).build(), I2V));
    }

    @Test
    void documentedLimitsAreRefusedBeforeAnythingIsSent() {
        CapabilityMatrix matrix = CapabilityMatrix.of(fal.models());
        assertEquals(List.of(new Violation("durationSeconds", "8", "5, 10, 15"),
                        new Violation("resolution", "480p", "720p, 1080p")),
                matrix.violations(t2v().durationSeconds(8).resolution("480p").build(), model(T2V)));
        assertEquals(List.of(new Violation("aspectRatio", "21:9", "16:9, 9:16, 1:1, 4:3, 3:4")),
                matrix.violations(t2v().aspectRatio("21:9").build(), model(T2V)));
        assertEquals(List.of(new Violation("prompt", "801 characters", "1..800 characters")),
                matrix.violations(TextToVideoRequest.builder().model("wan-2.6").prompt("x".repeat(801)).build(), model(T2V)));
        assertEquals(List.of(new Violation("negativePrompt", "501 characters", "0..500 characters")),
                matrix.violations(t2v().negativePrompt("n".repeat(501)).build(), model(T2V)));
        assertEquals(List.of("cfgScale", "generateAudio"), fields(matrix.violations(t2v().cfgScale(0.5).generateAudio(true)
                .build(), model(T2V))));
        assertEquals(List.of(new Violation("durationSeconds", "8", "5, 10, 15"), new Violation("resolution", "4k", "720p, 1080p")),
                matrix.violations(i2v().durationSeconds(8).resolution("4k").build(), model(I2V)));
        assertEquals(List.of("aspectRatio"), fields(matrix.violations(i2v().aspectRatio("16:9").build(), model(I2V))),
                "the video follows the image");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> fal.submit(
                t2v().durationSeconds(7).build(), new SubmitContext(model(T2V), "s-1")));
        assertEquals("durationSeconds", e.violations().get(0).field());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void noFalPriceWasReadSoTheQuoteIsUnknownAndEveryEntryNamesItsPage() {
        for (String id : List.of(T2V, I2V)) {
            ModelCapabilities m = model(id);
            assertEquals("wan-2.6", m.family());
            assertFalse(m.pricing().isKnown(), id);
            assertTrue(CapabilityMatrix.price(t2v().build(), m).isEmpty(), id);
            assertEquals("https://fal.ai/models/" + id + "/api", m.source());
            assertEquals("2026-12-02", String.valueOf(m.checked()));
        }
    }

    private String send(VideoRequest r, String endpoint) throws Exception {
        server.enqueue(json(200, "{\"request_id\": \"r-1\"}"));
        SubmitContext ctx = new SubmitContext(model(endpoint), "0b7e5d0c-3a55-4c7e-9a51-6f0f3f3f0e11");
        if (r instanceof TextToVideoRequest t) fal.submit(t, ctx);
        else fal.submit((ImageToVideoRequest) r, ctx);
        RecordedRequest req = server.takeRequest();
        assertEquals("/" + endpoint, req.getTarget());
        return FalFixtures.body(req);
    }

    private static TextToVideoRequest.Builder t2v() {
        return TextToVideoRequest.builder().model("wan-2.6").prompt("p");
    }

    private static ImageToVideoRequest.Builder i2v() {
        return ImageToVideoRequest.builder().model("wan-2.6").prompt("p").image(ImageInput.url("https://example.com/first.png"));
    }

    private static ModelCapabilities model(String id) {
        return FalFixtures.model(id);
    }

    private static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).toList();
    }
}
