package dev.videogen4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the request builders refuse before any model is looked at. */
class RequestShapeTest {
    private static final String MODEL_HINT = "a family id like kling-2.5-turbo-standard or a native id like klingai:6@0";

    private static TextToVideoRequest.Builder t2v() {
        return TextToVideoRequest.builder().model("kling-2.5-turbo").prompt("A red fox in the snow");
    }

    private static List<Violation> violations(Runnable build) {
        return assertThrows(InvalidRequestException.class, build::run).violations();
    }

    @Test
    void aMissingModelIsReportedWithAnExampleOfWhatToGive() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TextToVideoRequest.builder().prompt("A fox").build());
        assertEquals(List.of(new Violation("model", null, MODEL_HINT)), e.violations());
        assertEquals("Invalid request: 1 problem: model=null (allowed: " + MODEL_HINT + ")", e.getMessage());
        assertNull(e.providerId());
    }

    @Test
    void aBlankModelIsMissingToo() {
        assertEquals(List.of(new Violation("model", "  ", MODEL_HINT)), violations(() -> t2v().model("  ").build()));
    }

    @Test
    void theModelIsTrimmed() {
        assertEquals("kling-2.5-turbo", t2v().model(" kling-2.5-turbo ").build().model());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void textToVideoNeedsAPrompt(String prompt) {
        assertEquals(List.of(new Violation("prompt", prompt, "a non-blank text (text-to-video needs a prompt)")),
                violations(() -> t2v().prompt(prompt).build()));
        assertEquals(List.of(new Violation("prompt", null, "a non-blank text (text-to-video needs a prompt)")),
                violations(() -> t2v().prompt(null).build()));
    }

    @Test
    void imageToVideoNeedsAFirstFrameButNoPrompt() {
        assertEquals(List.of(new Violation("image", null, "a first-frame image (ImageInput.url/file/bytes/dataUri/asset)")),
                violations(() -> ImageToVideoRequest.builder().model("m").prompt("p").build()));
        ImageToVideoRequest ok = ImageToVideoRequest.builder().model("m").image(ImageInput.asset("img-1")).build();
        assertNull(ok.prompt());
        assertEquals(Workflow.IMAGE_TO_VIDEO, ok.workflow());
    }

    @Test
    void widthAndHeightComeTogether() {
        assertEquals(List.of(new Violation("height", null, "width and height are given together")),
                violations(() -> t2v().size(1280, null).build()));
        assertEquals(List.of(new Violation("width", null, "width and height are given together")),
                violations(() -> t2v().size(null, 720).build()));
    }

    @Test
    void anAspectRatioExcludesWidthAndHeight() {
        assertEquals(List.of(new Violation("aspectRatio", "16:9", "either aspectRatio or width/height, not both")),
                violations(() -> t2v().size(1280, 720).aspectRatio("16:9").build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"16/9", "16:", "wide", "1920:1080:1", "1000:9"})
    void aMalformedAspectRatioSaysTheExpectedForm(String ratio) {
        assertEquals(List.of(new Violation("aspectRatio", ratio, "W:H, like 16:9, 9:16 or 1:1")),
                violations(() -> t2v().aspectRatio(ratio).build()));
    }

    @Test
    void numbersMustBePositive() {
        assertEquals(List.of(
                        new Violation("durationSeconds", "0", "a positive number"),
                        new Violation("width", "-1", "a positive number"),
                        new Violation("height", "0", "a positive number"),
                        new Violation("numberResults", "0", "a positive number"),
                        new Violation("outputQuality", "-5", "a positive number")),
                violations(() -> t2v().durationSeconds(0).size(-1, 0).numberResults(0).outputQuality(-5).build()));
    }

    @Test
    void cfgScaleMustBeFinite() {
        assertEquals(List.of(new Violation("cfgScale", "NaN", "a finite number")),
                violations(() -> t2v().cfgScale(Double.NaN).build()));
        assertEquals(List.of(new Violation("cfgScale", "Infinity", "a finite number")),
                violations(() -> t2v().cfgScale(Double.POSITIVE_INFINITY).build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example/x", "hooks.example/x", "/relative/path", "http://", "not a url"})
    void aWebhookMustBeAnAbsoluteHttpUrl(String url) {
        assertEquals(List.of(new Violation("webhookUrl", url, "an absolute http(s) URL")),
                violations(() -> t2v().webhookUrl(url).build()));
    }

    @Test
    void everyMalformedFieldIsReportedAtOnceInOneReadableMessage() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> TextToVideoRequest.builder()
                .model("kling-2.5-turbo").durationSeconds(-5).size(1280, null).aspectRatio("wide")
                .webhookUrl("ftp://x").build());

        assertEquals(List.of(
                new Violation("durationSeconds", "-5", "a positive number"),
                new Violation("height", null, "width and height are given together"),
                new Violation("aspectRatio", "wide", "either aspectRatio or width/height, not both"),
                new Violation("aspectRatio", "wide", "W:H, like 16:9, 9:16 or 1:1"),
                new Violation("webhookUrl", "ftp://x", "an absolute http(s) URL"),
                new Violation("prompt", null, "a non-blank text (text-to-video needs a prompt)")), e.violations());
        assertEquals("Invalid request for kling-2.5-turbo: 6 problems: durationSeconds=-5 (allowed: a positive number); "
                + "height=null (allowed: width and height are given together); "
                + "aspectRatio=wide (allowed: either aspectRatio or width/height, not both); "
                + "aspectRatio=wide (allowed: W:H, like 16:9, 9:16 or 1:1); "
                + "webhookUrl=ftp://x (allowed: an absolute http(s) URL); "
                + "prompt=null (allowed: a non-blank text (text-to-video needs a prompt))", e.getMessage());
    }

    @Test
    void aValidRequestKeepsEveryFieldAndToBuilderCopiesThem() {
        TextToVideoRequest r = t2v().negativePrompt("blur").durationSeconds(10).size(1280, 720).cfgScale(0.6).seed(42L)
                .numberResults(2).outputFormat(OutputFormat.WEBM).outputQuality(80).generateAudio(true).resolution("720p")
                .webhookUrl("https://hooks.example/v").providerOption("ttl", 3600).build();

        assertEquals(new TextToVideoRequest("kling-2.5-turbo", "A red fox in the snow", "blur", 10, null, 1280, 720, 0.6,
                42L, 2, OutputFormat.WEBM, 80, true, "720p", "https://hooks.example/v", Map.of("ttl", 3600)), r);
        assertEquals(r, r.toBuilder().build());
        assertEquals(5, r.toBuilder().durationSeconds(5).build().durationSeconds());
        assertEquals(2, r.resultCount());
        assertEquals(1, t2v().build().resultCount());
    }

    @Test
    void providerOptionsAreCopiedVerbatimInOrderIncludingNullValues() {
        Map<String, Object> given = new HashMap<>();
        TextToVideoRequest.Builder b = t2v().providerOptions(given).providerOption("z", 1).providerOption("a", null);
        given.put("late", "ignored");

        TextToVideoRequest r = b.build();
        b.providerOption("after", true);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("z", 1);
        expected.put("a", null);
        assertEquals(expected, r.providerOptions());
        assertEquals(List.of("z", "a"), List.copyOf(r.providerOptions().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> r.providerOptions().put("x", 1));
    }

    @Test
    void nullArgumentsAreRefusedWithTheirName() {
        assertEquals("providerOptions == null",
                assertThrows(NullPointerException.class, () -> t2v().providerOptions(null)).getMessage());
        assertEquals("key == null",
                assertThrows(NullPointerException.class, () -> t2v().providerOption(null, 1)).getMessage());
    }
}
