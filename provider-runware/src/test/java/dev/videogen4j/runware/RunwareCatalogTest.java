package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Range;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every capability rule of the catalog, checked against what the seed documents say. */
class RunwareCatalogTest {
    private static final List<ModelCapabilities> MODELS = ModelCatalog.load(RunwareProvider.class, RunwareProvider.CATALOG);
    /** The twelve Kling entries the catalog started from; the newer families are tested in RunwareNewModelsTest. */
    private static final List<ModelCapabilities> KLING = MODELS.stream().filter(m -> m.id().startsWith("klingai:") && m.id().contains("@") && !m.id().contains("kling-video")).collect(Collectors.toList());
    private static final List<Dimension> P720 = dims("1280x720", "720x720", "720x1280");
    private static final List<Dimension> P1080 = dims("1920x1080", "1080x1080", "1080x1920");
    private static final Set<Workflow> BOTH = EnumSet.of(Workflow.TEXT_TO_VIDEO, Workflow.IMAGE_TO_VIDEO);
    private static final Set<Workflow> I2V = EnumSet.of(Workflow.IMAGE_TO_VIDEO);

    /** id, family, workflows, dimensions, fps, frame positions: seed 002 unless a model page (000/001/004) says otherwise. */
    record Row(String id, String family, Set<Workflow> workflows, List<Dimension> dimensions, int fps, Set<FramePosition> frames) {
    }

    static Stream<Row> rows() {
        Set<FramePosition> first = EnumSet.of(FramePosition.FIRST);
        Set<FramePosition> firstLast = EnumSet.of(FramePosition.FIRST, FramePosition.LAST);
        return Stream.of(
                new Row("klingai:1@1", "kling-1.0-standard", EnumSet.of(Workflow.TEXT_TO_VIDEO), P720, 30, Set.of()), // model page 2026-12-01: T2V only
                new Row("klingai:1@2", "kling-1.0-pro", BOTH, P720, 30, first),
                new Row("klingai:2@1", "kling-1.5-standard", I2V, P720, 30, first),
                new Row("klingai:2@2", "kling-1.5-pro", I2V, P1080, 30, first),
                new Row("klingai:3@1", "kling-1.6-standard", BOTH, P720, 30, first),
                new Row("klingai:3@2", "kling-1.6-pro", I2V, P1080, 24, first),
                new Row("klingai:4@3", "kling-2.0-master", BOTH, P720, 24, first),
                new Row("klingai:5@1", "kling-2.1-standard", I2V, P720, 24, first),       // seed 004: 720p table
                new Row("klingai:5@2", "kling-2.1-pro", I2V, P1080, 24, firstLast),       // seed 002: first and last
                new Row("klingai:5@3", "kling-2.1-master", BOTH, P1080, 24, first),
                new Row("klingai:6@0", "kling-2.5-turbo-standard", I2V, List.of(), 30, first), // size from the image
                new Row("klingai:6@1", "kling-2.5-turbo-pro", BOTH, P720, 30, firstLast)); // seed 001: first+last
    }

    @Test
    void holdsExactlyTheTwelveKlingModelsOfSeed002InOrder() {
        assertEquals(rows().map(Row::id).collect(Collectors.toList()),
                KLING.stream().map(ModelCapabilities::id).collect(Collectors.toList()));
        MODELS.forEach(m -> assertEquals("runware", m.providerId()));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void modelMatchesTheSeeds(Row row) {
        ModelCapabilities m = model(row.id());
        assertEquals(row.family(), m.family(), "family");
        assertEquals(row.workflows(), m.workflows(), "workflows");
        assertEquals(row.dimensions(), m.dimensions(), "dimensions");
        assertEquals(row.fps(), m.fps(), "fps");
        assertEquals(row.frames(), m.frameImages(), "frame positions");
        assertEquals(List.of(5, 10), m.durations(), "durations");
        assertEquals(5, m.defaultDuration());
        assertEquals(new Range(0, 1), m.cfgScale(), "CFG scale");
        assertEquals(new Range(2, 2500), m.promptLength(), "prompt length");
        assertEquals(new Range(2, 2500), m.negativePrompt(), "negative prompt length");
        assertEquals(4, m.maxResults(), "numberResults max");
        assertEquals(EnumSet.allOf(OutputFormat.class), m.outputFormats());
        assertEquals(new Range(20, 99), m.outputQuality());
        assertTrue(m.source().contains("runware.ai/docs"), "source names a Runware docs page: " + m.source());
        assertTrue(m.displayName().startsWith("KlingAI "), m.displayName());
    }

    @Test
    void promptIsRequiredForTextToVideoAndForKling25TurboProImageToVideo() {
        for (ModelCapabilities m : KLING) {
            Set<Workflow> expected = m.id().equals("klingai:6@1") ? BOTH : EnumSet.of(Workflow.TEXT_TO_VIDEO);
            assertEquals(expected, m.promptRequired(), m.id());
        }
    }

    @Test
    void kling25TurboStandardTakesNoSizeBecauseTheFirstFrameSetsIt() {
        ModelCapabilities m = model("klingai:6@0");
        assertTrue(m.dimensions().isEmpty());
        assertTrue(m.acceptedAspectRatios().isEmpty());
        for (String field : List.of("width", "height", "aspectRatio")) {
            assertEquals("dimensions come from the first frame image", m.unsupported().get(field), field);
        }
        KLING.stream().filter(x -> !x.id().equals("klingai:6@0"))
                .forEach(x -> assertEquals(Set.of("seed"), x.unsupported().keySet(), x.id() + " refuses only seed"));
    }

    @Test
    void kling16StandardRecordsItsImageToVideoFrameRate() {
        assertEquals(Map.of("t2v", new BigDecimal("30"), "i2v", new BigDecimal("24")), model("klingai:3@1").option("fpsByWorkflow").orElseThrow());
    }

    @Test
    void pricesOnlyWhereASeedGivesThemWithTheirSource() {
        Map<String, String> priced = new LinkedHashMap<>();
        priced.put("klingai:6@0", "0.042 klingai-2-5-turbo-standard");
        priced.put("klingai:5@1", "0.037 klingai-2-1-standard");
        priced.put("klingai:6@1", "0.07 klingai-2-5-turbo-pro");
        priced.put("klingai:3@1", "0.037 klingai-1-6-standard");    // model pages read 2026-12-01
        priced.put("klingai:4@3", "0.1848 klingai-2-0-master");
        priced.put("klingai:5@3", "0.1848 klingai-2-1-master");
        for (ModelCapabilities m : KLING) {
            String expected = priced.get(m.id());
            if (expected == null) {
                assertFalse(m.pricing().isKnown(), m.id() + " must not carry an invented price");
                assertTrue(m.pricing().source().contains("no price"), m.pricing().source());
            } else {
                String[] p = expected.split(" ");
                assertEquals(0, new BigDecimal(p[0]).compareTo(m.pricing().perSecond()), m.id());
                assertTrue(m.pricing().source().contains(p[1]), m.pricing().source());
            }
        }
    }

    /** The seeds' worked examples: costs divided by duration give the catalog price; every example is accepted. */
    @ParameterizedTest
    @MethodSource("dev.videogen4j.runware.RunwareSubmitTest#seedExamples")
    void everySeedExampleFitsTheCatalogAndItsCostTheCatalogPrice(String example) {
        Map<String, Object> request = Fixtures.object(Fixtures.seed(example + ".request.json"));
        Map<String, Object> response = Fixtures.object(Fixtures.seed(example + ".response.json"));
        ModelCapabilities m = model((String) request.get("model"));
        int duration = ((BigDecimal) request.get("duration")).intValueExact();
        assertTrue(m.durations().contains(duration));
        if (request.containsKey("width")) {
            Dimension d = new Dimension(((BigDecimal) request.get("width")).intValue(), ((BigDecimal) request.get("height")).intValue());
            assertTrue(m.dimensions().contains(d), d + " for " + m.id());
        }
        assertTrue(m.cfgScale().contains(((BigDecimal) request.get("CFGScale")).doubleValue()));
        Map<?, ?> inputs = (Map<?, ?>) request.get("inputs");
        int frames = inputs == null ? 0 : ((List<?>) inputs.get("frameImages")).size();
        assertTrue(frames <= m.frameImages().size(), "frames " + frames + " for " + m.id());
        assertTrue(m.supports(frames == 0 ? Workflow.TEXT_TO_VIDEO : Workflow.IMAGE_TO_VIDEO));
        BigDecimal perSecond = ((BigDecimal) response.get("cost")).divide(BigDecimal.valueOf(duration));
        // 5@1's examples cost 0.1848 for 5 s against the page's rounded $0.0370/s.
        assertEquals(m.pricing().perSecond().doubleValue(), perSecond.doubleValue(), 0.0005, m.id());
    }

    @Test
    void aspectRatiosResolveToTheModelsOwnSize() {
        assertEquals(new Dimension(1280, 720), model("kling-2.5-turbo-pro").dimensionFor("16:9").orElseThrow());
        assertEquals(new Dimension(1080, 1920), model("kling-2.1-master").dimensionFor("9:16").orElseThrow());
        assertEquals(new Dimension(720, 720), model("kling-1.0-standard").dimensionFor("1:1").orElseThrow());
    }

    private static ModelCapabilities model(String name) {
        return MODELS.stream().filter(m -> m.answersTo(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private static List<Dimension> dims(String... d) {
        return Stream.of(d).map(Dimension::parse).collect(Collectors.toList());
    }
}
