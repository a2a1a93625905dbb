package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import dev.videogen4j.runware.internal.RunwareRequestMapper;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.SubmitContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request-to-task mapping without a server: image forms, provider options, and each catalog model's rules. */
class RunwareRequestMappingTest {
    private static final List<ModelCapabilities> MODELS = ModelCatalog.load(RunwareProvider.class, RunwareProvider.CATALOG);
    private static final String UUID = "b8c4d952-7f27-4a6e-bc9a-83f01d1c6d59";

    @Test
    void imageFormsBecomeRunwareImageValues(@TempDir Path dir) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Path file = Files.write(dir.resolve("frame.png"), png);
        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);

        assertEquals("https://example.com/a.jpg", firstImage(ImageInput.url("https://example.com/a.jpg")));
        assertEquals("c64351d5-4c59-42f7-95e1-eace013eddab", firstImage(ImageInput.asset("c64351d5-4c59-42f7-95e1-eace013eddab")));
        assertEquals(dataUri, firstImage(ImageInput.bytes(png, "image/png")));
        assertEquals(dataUri, firstImage(ImageInput.file(file)));
        assertEquals(dataUri, firstImage(ImageInput.dataUri(dataUri)));
    }

    @Test
    void anUnreadableImageFileIsAViolationNamingTheField(@TempDir Path dir) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> map(i2v("klingai:6@0").image(ImageInput.file(dir.resolve("missing.png"))).build(), "klingai:6@0"));
        assertEquals("image", e.violations().get(0).field());
    }

    @Test
    void providerOptionsMergeVerbatim() {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("safety", Map.of("checkContent", true, "mode", "full"));
        opts.put("ttl", 3600);
        opts.put("uploadEndpoint", "https://bucket.example.com/put?sig=1");
        opts.put("providerSettings", Map.of("klingai", Map.of("cameraFixed", true)));
        opts.put("inputs", Map.of("referenceImages", List.of("aac49721-1964-481a-ae78-8a4e29b91402")));
        opts.put("duration", 5);   // equal to the request's own value: not a conflict

        Map<String, Object> task = map(i2v("klingai:6@0").durationSeconds(5).providerOptions(opts).build(), "klingai:6@0");

        assertEquals(Map.of("checkContent", true, "mode", "full"), task.get("safety"));
        assertEquals(3600, task.get("ttl"));
        assertEquals("https://bucket.example.com/put?sig=1", task.get("uploadEndpoint"));
        assertEquals(Map.of("klingai", Map.of("cameraFixed", true)), task.get("providerSettings"));
        Map<?, ?> inputs = (Map<?, ?>) task.get("inputs");
        assertEquals(List.of("aac49721-1964-481a-ae78-8a4e29b91402"), inputs.get("referenceImages"));
        assertEquals(1, ((List<?>) inputs.get("frameImages")).size(), "our frame images stay");
        assertEquals(5, task.get("duration"));
    }

    @Test
    void providerOptionsNeverOverrideSilently() {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("duration", 10);                      // request says 5
        opts.put("taskUUID", "another");               // protocol fields are the adapter's
        opts.put("deliveryMethod", "sync");
        opts.put("includeCost", false);
        opts.put("taskType", "imageInference");
        opts.put("inputs", Map.of("frameImages", List.of("x")));
        opts.put("when", Duration.ofSeconds(1));       // not a JSON value

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> map(i2v("klingai:6@0").durationSeconds(5).providerOptions(opts).build(), "klingai:6@0"));

        assertEquals(List.of("providerOptions.deliveryMethod", "providerOptions.duration", "providerOptions.includeCost",
                        "providerOptions.inputs.frameImages", "providerOptions.taskType", "providerOptions.taskUUID",
                        "providerOptions.when"),
                e.violations().stream().map(Violation::field).collect(Collectors.toList()));
        assertNullProvider(e);
    }

    @Test
    void aProviderOptionMaySetAFieldTheRequestLeftUnset() {
        Map<String, Object> task = map(t2v("klingai:1@1").providerOption("fps", 30).providerOption("seed", 7L).build(), "klingai:1@1");
        assertEquals(30, task.get("fps"));
        assertEquals(7L, task.get("seed"));
    }

    @Test
    void sizeIsRefusedForTheModelThatTakesItFromTheImage() {
        InvalidRequestException bySize = assertThrows(InvalidRequestException.class,
                () -> map(i2v("klingai:6@0").size(1280, 720).build(), "klingai:6@0"));
        assertEquals(new Violation("width", "1280x720", "none: dimensions come from the first frame image"), bySize.violations().get(0));
        InvalidRequestException byRatio = assertThrows(InvalidRequestException.class,
                () -> map(i2v("klingai:6@0").aspectRatio("16:9").build(), "klingai:6@0"));
        assertEquals("aspectRatio", byRatio.violations().get(0).field());
    }

    @Test
    void anAspectRatioTheModelLacksIsNamedWithTheAllowedOnes() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> map(t2v("klingai:1@1").aspectRatio("4:3").build(), "klingai:1@1"));
        assertEquals(new Violation("aspectRatio", "4:3", "16:9, 1:1, 9:16"), e.violations().get(0));
    }

    /** Every model, every workflow it supports, every aspect ratio and frame position it accepts. */
    @Test
    void everyCatalogModelMapsWithinItsOwnRules() {
        for (ModelCapabilities m : MODELS) {
            for (Workflow w : m.workflows()) {
                boolean sized = m.wire().field(dev.videogen4j.spi.RequestField.SIZE).map(f -> f.appliesTo(w)).orElse(true);
                List<String> ratios = m.dimensions().isEmpty() || !sized ? java.util.Collections.singletonList(null)
                        : List.copyOf(m.acceptedAspectRatios());
                for (String ratio : ratios) {
                    Map<String, Object> task = w == Workflow.TEXT_TO_VIDEO
                            ? map(t2v(m.id()).aspectRatio(ratio).build(), m.id())
                            : map(withFrames(i2v(m.id()).aspectRatio(ratio), m).build(), m.id());
                    String where = m.id() + " " + w + " " + ratio;
                    assertEquals(m.id(), task.get("model"), where);
                    if (ratio == null) {
                        assertFalse(task.containsKey("width") || task.containsKey("height"), where);
                    } else {
                        Dimension d = m.dimensionFor(ratio).orElseThrow();
                        assertEquals(List.of(d.width(), d.height()), List.of(task.get("width"), task.get("height")), where);
                    }
                    int frames = task.containsKey("inputs")
                            ? ((List<?>) ((Map<?, ?>) task.get("inputs")).get("frameImages")).size() : 0;
                    assertEquals(w == Workflow.TEXT_TO_VIDEO ? 0 : m.frameImages().size(), frames, where);
                    assertEquals("async", task.get("deliveryMethod"));
                    assertEquals(true, task.get("includeCost"));
                }
            }
        }
    }

    @Test
    void fieldsThatDecideThePriceCannotBeSetThroughOptionsEvenWhenTheRequestLeavesThemUnset() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> map(i2v("klingai:6@0")
                .providerOption("numberResults", 2).providerOption("duration", 10).build(), "klingai:6@0"));
        assertEquals(List.of(
                new Violation("providerOptions.duration", "10", "nothing: set it with the request's durationSeconds,"
                        + " which is validated and quoted before sending"),
                new Violation("providerOptions.numberResults", "2", "nothing: set it with the request's numberResults,"
                        + " which is validated and quoted before sending")), e.violations());
    }

    @Test
    void getResponseCarriesTheOriginalTaskUUID() {
        assertEquals(Map.of("taskType", "getResponse", "taskUUID", UUID), RunwareRequestMapper.getResponse(UUID));
    }

    private static ImageToVideoRequest.Builder withFrames(ImageToVideoRequest.Builder b, ModelCapabilities m) {
        return m.frameImages().contains(FramePosition.LAST) ? b.lastImage(ImageInput.url("https://example.com/last.jpg")) : b;
    }

    private static void assertNullProvider(InvalidRequestException e) {
        assertEquals(null, e.providerId(), "rejected before sending, not by Runware");
        assertTrue(e.getMessage().contains("providerOptions.duration"));
    }

    private static String firstImage(ImageInput image) {
        Map<String, Object> task = map(i2v("klingai:6@0").image(image).build(), "klingai:6@0");
        Map<?, ?> frame = (Map<?, ?>) ((List<?>) ((Map<?, ?>) task.get("inputs")).get("frameImages")).get(0);
        assertEquals("first", frame.get("frame"));
        return (String) frame.get("image");
    }

    private static TextToVideoRequest.Builder t2v(String model) {
        return TextToVideoRequest.builder().model(model).prompt("A cyclist on a mountain trail");
    }

    private static ImageToVideoRequest.Builder i2v(String model) {
        return ImageToVideoRequest.builder().model(model).prompt("Slow glide").image(ImageInput.url("https://example.com/first.jpg"));
    }

    private static Map<String, Object> map(dev.videogen4j.VideoRequest r, String model) {
        ModelCapabilities m = MODELS.stream().filter(x -> x.id().equals(model)).findFirst().orElseThrow();
        return RunwareRequestMapper.videoInference(r, new SubmitContext(m, UUID));
    }
}
