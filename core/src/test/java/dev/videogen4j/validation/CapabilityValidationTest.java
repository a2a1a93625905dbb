package dev.videogen4j.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.internal.ModelResolver;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule a request is checked against, per model, before anything is sent. */
class CapabilityValidationTest {
    private static final CapabilityMatrix MATRIX = CapabilityMatrix.of(ScriptedProvider.catalog());
    private static final ModelCapabilities ACME = MATRIX.model("acme", "acme-kling-2.5").orElseThrow();
    private static final ModelCapabilities SEEDANCE = MATRIX.model("acme", "acme-seedance-lite").orElseThrow();
    private static final ModelCapabilities ZETA = MATRIX.model("zeta", "zeta-kling-v2.5-turbo").orElseThrow();

    private static TextToVideoRequest.Builder t2v() {
        return Requests.t2v().toBuilder();
    }

    private static ImageToVideoRequest.Builder i2v() {
        return Requests.i2v().toBuilder();
    }

    private static void assertOnly(VideoRequest request, ModelCapabilities model, String field, String value, String allowed) {
        assertEquals(List.of(new Violation(field, value, allowed)), MATRIX.violations(request, model));
    }

    @Test
    void aRequestThatFitsHasNoViolations() {
        TextToVideoRequest r = t2v().negativePrompt("blur").durationSeconds(10).size(1920, 1080).cfgScale(0.5)
                .numberResults(2).outputFormat(OutputFormat.WEBM).outputQuality(90).seed(7L).build();
        assertEquals(List.of(), MATRIX.violations(r, ACME));
        assertEquals(List.of(), MATRIX.violations(i2v().lastImage(ImageInput.url("https://images.example/end.jpg"))
                .build(), ACME));
    }

    @Test
    void aWorkflowTheModelDoesNotDo() {
        TextToVideoRequest r = t2v().model("seedance-1-lite").build();
        assertOnly(r, SEEDANCE, "model", "acme-seedance-lite", "acme/acme-seedance-lite does i2v, not t2v");
    }

    @Test
    void aPromptTheModelRequires() {
        ImageToVideoRequest r = i2v().model("seedance-1-lite").prompt(null).build();
        assertOnly(r, SEEDANCE, "prompt", null, "a prompt of 1..500 characters (acme-seedance-lite requires one for i2v)");
        assertEquals(List.of(), MATRIX.violations(i2v().prompt(null).build(), ACME), "acme needs none for i2v");
    }

    @Test
    void aPromptOutsideTheLengthLimits() {
        assertOnly(t2v().prompt("x").build(), ACME, "prompt", "1 characters", "2..100 characters");
        assertOnly(t2v().prompt("x".repeat(101)).build(), ACME, "prompt", "101 characters", "2..100 characters");
    }

    @Test
    void aNegativePromptTheModelDoesNotTake() {
        assertOnly(t2v().negativePrompt("blur").build(), ZETA, "negativePrompt", "blur",
                "not accepted by zeta-kling-v2.5-turbo");
    }

    @Test
    void aNegativePromptOutsideTheLengthLimits() {
        assertOnly(t2v().negativePrompt("b".repeat(51)).build(), ACME, "negativePrompt", "51 characters", "2..50 characters");
    }

    @Test
    void aDurationNotInTheList() {
        assertOnly(t2v().durationSeconds(7).build(), ACME, "durationSeconds", "7", "5, 10");
    }

    @Test
    void aSizeNotInTheList() {
        assertOnly(t2v().size(1024, 768).build(), ACME, "width/height", "1024x768", "1280x720, 720x1280, 1920x1080");
    }

    @Test
    void aSizeForAModelThatTakesAspectRatiosInstead() {
        assertOnly(t2v().size(1280, 720).build(), ZETA, "width/height", "1280x720",
                "not accepted by zeta-kling-v2.5-turbo; use aspectRatio 16:9, 9:16, 1:1");
    }

    @Test
    void anAspectRatioTheModelDoesNotAccept() {
        assertOnly(t2v().aspectRatio("4:3").build(), ACME, "aspectRatio", "4:3", "16:9, 9:16");
        assertEquals(List.of(), MATRIX.violations(t2v().aspectRatio("9:16").build(), ACME), "ratio of 720x1280");
        assertOnly(i2v().model("seedance-1-lite").aspectRatio("16:9").build(), SEEDANCE, "aspectRatio", "16:9",
                "not accepted by acme-seedance-lite (the size follows the input image)");
    }

    @Test
    void aCfgScaleOutOfRangeOrNotTaken() {
        assertOnly(t2v().cfgScale(1.5).build(), ACME, "cfgScale", "1.5", "0..1");
        assertOnly(t2v().cfgScale(-1.0).build(), ACME, "cfgScale", "-1", "0..1");
        assertOnly(i2v().model("seedance-1-lite").cfgScale(0.5).build(), SEEDANCE, "cfgScale", "0.5",
                "not accepted by acme-seedance-lite");
    }

    @Test
    void moreResultsThanTheModelMakes() {
        assertOnly(t2v().numberResults(3).build(), ACME, "numberResults", "3", "1..2");
        assertOnly(t2v().numberResults(2).build(), ZETA, "numberResults", "2", "1..1");
    }

    @Test
    void anOutputFormatTheModelCannotProduce() {
        assertOnly(t2v().outputFormat(OutputFormat.MOV).build(), ACME, "outputFormat", "MOV", "MP4, WEBM");
        assertOnly(t2v().outputFormat(OutputFormat.WEBM).build(), ZETA, "outputFormat", "WEBM", "MP4");
    }

    @Test
    void anOutputQualityOutOfRangeOrNotAdjustable() {
        assertOnly(t2v().outputQuality(10).build(), ACME, "outputQuality", "10", "20..99");
        assertOnly(t2v().outputQuality(80).build(), ZETA, "outputQuality", "80", "not accepted by zeta-kling-v2.5-turbo");
    }

    @Test
    void aLastFrameOnAModelThatPinsOnlyTheFirst() {
        ImageToVideoRequest r = i2v().lastImage(ImageInput.url("https://images.example/end.jpg")).build();
        assertOnly(r, ZETA, "lastImage", "ImageInput.url(https://images.example/end.jpg)",
                "not accepted by zeta-kling-v2.5-turbo (frame images: first)");
    }

    @Test
    void aFieldTheCatalogMarksUnsupportedIsReportedOnceWithItsReason() {
        assertOnly(i2v().model("seedance-1-lite").seed(42L).build(), SEEDANCE, "seed", "42",
                "not accepted by acme-seedance-lite: the model picks its own seed");
        assertOnly(i2v().model("seedance-1-lite").durationSeconds(10).build(), SEEDANCE, "durationSeconds", "10",
                "not accepted by acme-seedance-lite: always 5 s");
        assertOnly(i2v().model("seedance-1-lite").outputFormat(OutputFormat.WEBM).build(), SEEDANCE, "outputFormat",
                "WEBM", "not accepted by acme-seedance-lite: always MP4");
    }

    @Test
    void anImageGivenInAFormTheModelCannotTake() {
        ImageToVideoRequest r = i2v().model("seedance-1-lite").image(ImageInput.bytes(new byte[]{1, 2, 3}, "image/png")).build();
        assertOnly(r, SEEDANCE, "image", "ImageInput.bytes(image/png, 3 bytes)", "images given as URL, ASSET");
        assertEquals(List.of(), MATRIX.violations(i2v().model("seedance-1-lite").image(ImageInput.asset("img-9")).build(),
                SEEDANCE));
    }

    @Test
    void everyViolationIsReportedAtOnceInOneReadableMessage() {
        VideoRequest r = t2v().prompt("x").negativePrompt("n").durationSeconds(7).aspectRatio("4:3").cfgScale(2.0)
                .numberResults(3).outputFormat(OutputFormat.MOV).outputQuality(100).build();

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> ModelResolver.resolve(MATRIX, r, List.of("acme"), true));

        assertEquals(List.of(
                new Violation("prompt", "1 characters", "2..100 characters"),
                new Violation("negativePrompt", "1 characters", "2..50 characters"),
                new Violation("durationSeconds", "7", "5, 10"),
                new Violation("aspectRatio", "4:3", "16:9, 9:16"),
                new Violation("cfgScale", "2", "0..1"),
                new Violation("outputQuality", "100", "20..99"),
                new Violation("numberResults", "3", "1..2"),
                new Violation("outputFormat", "MOV", "MP4, WEBM")), e.violations());
        assertEquals("Invalid request for acme-kling-2.5: 8 problems: prompt=1 characters (allowed: 2..100 characters); "
                + "negativePrompt=1 characters (allowed: 2..50 characters); durationSeconds=7 (allowed: 5, 10); "
                + "aspectRatio=4:3 (allowed: 16:9, 9:16); cfgScale=2 (allowed: 0..1); outputQuality=100 (allowed: 20..99); "
                + "numberResults=3 (allowed: 1..2); outputFormat=MOV (allowed: MP4, WEBM)", e.getMessage());
        assertNull(e.providerId());
        assertEquals("acme-kling-2.5", e.model());
    }

    @Test
    void anUnknownModelListsTheFamiliesThatExist() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> ModelResolver.resolve(MATRIX, t2v().model("sora-9").build(), List.of("acme", "zeta"), true));
        assertEquals(List.of(new Violation("model", "sora-9",
                "a model or family of [acme, zeta]: [kling-2.5-turbo, seedance-1-lite]")), e.violations());
    }

    @Test
    void aFailedValidationSendsNothingToTheProvider() {
        VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
        ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
        VideoClient client = TestClients.virtual(scheduler, acme).build();

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client.submit(t2v().durationSeconds(7).cfgScale(3.0).build()));
        assertThrows(InvalidRequestException.class, () -> client.generate(t2v().numberResults(9).build()));
        assertThrows(InvalidRequestException.class, () -> client.quote(t2v().numberResults(9).build()));

        assertEquals(2, e.violations().size());
        assertEquals(List.of(), acme.calls());
        assertEquals(0, scheduler.pending());
    }
}
