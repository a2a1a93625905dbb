package dev.videogen4j.fal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request to input JSON, without a server. */
class FalRequestMapperTest {
    private static final List<ModelCapabilities> CATALOG =
            ModelCatalog.load(FalRequestMapperTest.class, "/dev/videogen4j/fal/models.json");
    private static final String IMG = "https://example.com/first.png";

    private static ModelCapabilities model(String endpoint) {
        return CATALOG.stream().filter(m -> m.id().equals("fal-ai/kling-video/" + endpoint)).findFirst().orElseThrow();
    }

    private static ImageToVideoRequest.Builder i2v() {
        return ImageToVideoRequest.builder().model("x").prompt("a cat").image(ImageInput.url(IMG));
    }

    @Test
    void seed003InputExampleIsReproducedExactly() {
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("In a dimly lit room, a playful cat's eyes light up, fixated on a dancing red dot. With boundless"
                        + " energy, it pounces and leaps, chasing the elusive beam across the floor and up the walls. The"
                        + " simple joy of the hunt unfolds in clear, uncomplicated visuals.")
                .image(ImageInput.url("https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png"))
                .durationSeconds(5).negativePrompt("blur, distort, and low quality").cfgScale(0.5).build();
        FalSubmission s = FalRequestMapper.map(r, model("v2.5-turbo/standard/image-to-video"), Map.of());
        assertEquals("{\"prompt\":\"In a dimly lit room, a playful cat's eyes light up, fixated on a dancing red dot. With"
                + " boundless energy, it pounces and leaps, chasing the elusive beam across the floor and up the walls. The"
                + " simple joy of the hunt unfolds in clear, uncomplicated visuals.\",\"image_url\":"
                + "\"https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png\","
                + "\"duration\":\"5\",\"negative_prompt\":\"blur, distort, and low quality\",\"cfg_scale\":0.5}",
                FalJson.write(s.input()));
        assertEquals("fal-ai/kling-video/v2.5-turbo/standard/image-to-video", s.endpoint().submitPath());
    }

    @Test
    void unsetFieldsAreOmittedSoFalsDefaultsApply() {
        FalSubmission s = FalRequestMapper.map(i2v().build(), model("v2.1/standard/image-to-video"), Map.of());
        assertEquals("{\"prompt\":\"a cat\",\"image_url\":\"" + IMG + "\"}", FalJson.write(s.input()));
        assertTrue(s.headers().isEmpty());
        assertEquals(null, s.webhookUrl());
    }

    @Test
    void durationIsTheStringEnum() {
        FalSubmission s = FalRequestMapper.map(i2v().durationSeconds(10).build(), model("v2.1/master/image-to-video"), Map.of());
        assertEquals("10", s.input().get("duration"));
    }

    @Test
    void textToVideoSendsAspectRatioAndNoImage() {
        TextToVideoRequest r = TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("waves").durationSeconds(10)
                .aspectRatio("9:16").negativePrompt("blur").cfgScale(0.7).build();
        FalSubmission s = FalRequestMapper.map(r, model("v2.5-turbo/pro/text-to-video"), Map.of());
        assertEquals("{\"prompt\":\"waves\",\"duration\":\"10\",\"aspect_ratio\":\"9:16\",\"negative_prompt\":\"blur\","
                + "\"cfg_scale\":0.7}", FalJson.write(s.input()));
    }

    @Test
    void tailImageOnlyOnProImageToVideo() {
        ImageToVideoRequest r = i2v().lastImage(ImageInput.url("https://example.com/last.png")).build();
        for (String pro : List.of("v2.5-turbo/pro/image-to-video", "v2.1/pro/image-to-video", "v1.6/pro/image-to-video")) {
            assertEquals("https://example.com/last.png", FalRequestMapper.map(r, model(pro), Map.of()).input().get("tail_image_url"), pro);
        }
        for (String basic : List.of("v2.5-turbo/standard/image-to-video", "v2.1/standard/image-to-video",
                "v2.1/master/image-to-video", "v1.6/standard/image-to-video")) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> FalRequestMapper.map(r, model(basic), Map.of()), basic);
            assertEquals("lastImage", e.violations().get(0).field());
        }
    }

    @Test
    void aspectRatioOnImageToVideoOnlyForV16Pro() {
        ImageToVideoRequest r = i2v().aspectRatio("1:1").build();
        assertEquals("1:1", FalRequestMapper.map(r, model("v1.6/pro/image-to-video"), Map.of()).input().get("aspect_ratio"));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> FalRequestMapper.map(r, model("v2.1/pro/image-to-video"), Map.of()));
        assertEquals("aspectRatio", e.violations().get(0).field());
    }

    @Test
    void bytesAndFilesTravelAsDataUris(@TempDir Path dir) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        FalSubmission fromBytes = FalRequestMapper.map(i2v().image(ImageInput.bytes(png, "image/png")).build(),
                model("v2.5-turbo/standard/image-to-video"), Map.of());
        assertEquals(uri, fromBytes.input().get("image_url"));
        Path file = Files.write(dir.resolve("last.png"), png);
        FalSubmission fromFile = FalRequestMapper.map(i2v().lastImage(ImageInput.file(file)).build(),
                model("v2.5-turbo/pro/image-to-video"), Map.of());
        assertEquals(uri, fromFile.input().get("tail_image_url"));
        FalSubmission fromUri = FalRequestMapper.map(i2v().image(ImageInput.dataUri(uri)).build(),
                model("v2.5-turbo/standard/image-to-video"), Map.of());
        assertEquals(uri, fromUri.input().get("image_url"));
    }

    @Test
    void assetIdsAreRejectedBecauseFalCannotResolveThem() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FalRequestMapper.map(
                i2v().image(ImageInput.asset("c64351d5-4c59-42f7-95e1-eace013eddab")).build(),
                model("v2.5-turbo/standard/image-to-video"), Map.of()));
        Violation v = e.violations().get(0);
        assertEquals("image", v.field());
        assertTrue(v.allowed().contains("fal cannot resolve provider asset ids"), v.allowed());
    }

    @Test
    void aMissingFileIsAViolationNotACrash(@TempDir Path dir) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FalRequestMapper.map(
                i2v().image(ImageInput.file(dir.resolve("missing.png"))).build(),
                model("v2.5-turbo/standard/image-to-video"), Map.of()));
        assertEquals("image", e.violations().get(0).field());
    }

    @Test
    void everyFieldFalCannotTakeIsReportedAtOnce() {
        ImageToVideoRequest r = i2v().size(1280, 720).seed(42L).numberResults(2).outputFormat(OutputFormat.WEBM)
                .outputQuality(90).durationSeconds(7).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> FalRequestMapper.map(r, model("v2.5-turbo/standard/image-to-video"), Map.of()));
        assertEquals(List.of("durationSeconds", "width", "seed", "numberResults", "outputFormat", "outputQuality"),
                e.violations().stream().map(Violation::field).collect(Collectors.toList()));
        assertTrue(e.violations().get(2).allowed().contains("no seed"));
    }

    @Test
    void providerOptionsMergeVerbatimAndHeaderLikeKeysBecomeHeaders() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("cfg_scale", 0.3);                      // the mapped value again: no conflict
        options.put("special_fx", Map.of("glow", List.of(1, 2)));
        options.put("big", new java.math.BigDecimal("12345678901234567890.5"));
        options.put("X-Fal-Request-Timeout", 30);
        options.put("x-fal-runner-hint", "session-7");
        ImageToVideoRequest r = i2v().cfgScale(0.3).negativePrompt("blur").providerOptions(options).build();
        FalSubmission s = FalRequestMapper.map(r, model("v2.1/master/image-to-video"),
                Map.of("X-Fal-Request-Timeout", "60", "X-Fal-Queue-Priority", "low"));
        String json = FalJson.write(s.input());
        // core's request record keeps providerOptions in a Map.copyOf, so only the mapped fields have a fixed order
        assertTrue(json.startsWith("{\"prompt\":\"a cat\",\"image_url\":\"" + IMG + "\",\"negative_prompt\":\"blur\","), json);
        assertTrue(json.contains("\"big\":12345678901234567890.5"), json);
        assertEquals(FalJson.readAny("{\"prompt\":\"a cat\",\"image_url\":\"" + IMG + "\",\"negative_prompt\":\"blur\","
                + "\"cfg_scale\":0.3,\"special_fx\":{\"glow\":[1,2]},\"big\":12345678901234567890.5}"), FalJson.readAny(json));
        assertEquals(Map.of("X-Fal-Request-Timeout", "30", "X-Fal-Queue-Priority", "low", "x-fal-runner-hint", "session-7"),
                s.headers());
    }

    @Test
    void anOptionCanNeitherRemoveNorChangeAMappedFieldNorSetAValidatedOne() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("negative_prompt", null);
        options.put("CFG_SCALE", 99);
        options.put("Prompt", "p".repeat(100_000));
        options.put("image_url", "file:///etc/passwd");
        options.put("X-Fal-Target-Url", "https://attacker.example");
        Map<String, Object> input = new LinkedHashMap<>(Map.of("prompt", "p", "negative_prompt", "blur"));
        Map<String, String> headers = new LinkedHashMap<>();
        List<Violation> v = new java.util.ArrayList<>();
        FalProviderOptions.merge(options, input, headers, v);
        assertEquals(Map.of("prompt", "p", "negative_prompt", "blur"), input);
        assertEquals(Map.of(), headers);
        assertEquals(java.util.Set.of("providerOptions.negative_prompt", "providerOptions.CFG_SCALE", "providerOptions.Prompt",
                "providerOptions.image_url", "providerOptions.X-Fal-Target-Url"),
                v.stream().map(Violation::field).collect(Collectors.toSet()));
    }

    @Test
    void providerOptionsThatAreNotJsonOrNotHeaderSafeAreRejected() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("when", Instant.EPOCH);
        options.put("nan", Double.NaN);
        options.put("X-Fal-Bad", "line\nbreak");
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FalRequestMapper.map(
                i2v().providerOptions(options).build(), model("v2.1/master/image-to-video"), Map.of()));
        assertEquals(java.util.Set.of("providerOptions.when", "providerOptions.nan", "providerOptions.X-Fal-Bad"),
                e.violations().stream().map(Violation::field).collect(Collectors.toSet()));
    }

    @Test
    void durationCannotBeSetThroughAnOptionBecauseItDecidesThePrice() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FalRequestMapper.map(
                i2v().durationSeconds(5).providerOption("duration", "10").build(), model("v2.1/master/image-to-video"), Map.of()));
        assertEquals(List.of(new Violation("providerOptions.duration", "10",
                "nothing: set it with the request's durationSeconds, which is validated and quoted before sending")),
                e.violations());
    }

    @Test
    void familySiblingServesTheOtherWorkflow() {
        ModelCapabilities proI2v = model("v2.5-turbo/pro/image-to-video");
        assertEquals("fal-ai/kling-video/v2.5-turbo/pro/text-to-video",
                FalRequestMapper.resolve(proI2v, Workflow.TEXT_TO_VIDEO, CATALOG).id());
        assertEquals(proI2v, FalRequestMapper.resolve(proI2v, Workflow.IMAGE_TO_VIDEO, CATALOG));
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FalRequestMapper.resolve(
                model("v2.5-turbo/standard/image-to-video"), Workflow.TEXT_TO_VIDEO, CATALOG));
        assertTrue(e.getMessage().contains("kling-2.5-turbo-standard on fal has none"), e.getMessage());
    }

    @Test
    void aPromptIsRequired() {
        ImageToVideoRequest r = ImageToVideoRequest.builder().model("x").image(ImageInput.url(IMG)).build();
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> FalRequestMapper.map(r, model("v2.1/pro/image-to-video"), Map.of()));
        assertEquals("prompt", e.violations().get(0).field());
        assertFalse(new String(FalJson.write(Map.of("a", "b")).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).isEmpty());
    }
}
