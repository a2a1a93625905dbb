package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Range;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled catalog against shared/reference/fal-api.md section 5: endpoint ids from fal-js endpoints.ts, the
 * schema table (which endpoint takes tail_image_url / aspect_ratio), and the price table.
 */
class FalCatalogTest {
    /** The eleven Kling endpoints the catalog started from; the newer families are tested in FalNewModelsTest. */
    private static final List<ModelCapabilities> MODELS = FalFixtures.KLING;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // endpoint under fal-ai/kling-video/, family,   workflow, tail, aspect, USD per second ('' = unknown)
            "v1.6/standard/text-to-video,        kling-1.6-standard,       t2v, false, true,  ''",
            "v1.6/standard/image-to-video,       kling-1.6-standard,       i2v, false, false, ''",
            "v1.6/pro/text-to-video,             kling-1.6-pro,            t2v, false, true,  ''",
            "v1.6/pro/image-to-video,            kling-1.6-pro,            i2v, true,  true,  ''",
            "v2.1/standard/image-to-video,       kling-2.1-standard,       i2v, false, false, 0.056",
            "v2.1/pro/image-to-video,            kling-2.1-pro,            i2v, true,  false, 0.098",  // fal page, was 0.09
            "v2.1/master/text-to-video,          kling-2.1-master,         t2v, false, true,  0.28",
            "v2.1/master/image-to-video,         kling-2.1-master,         i2v, false, false, 0.28",
            "v2.5-turbo/standard/image-to-video, kling-2.5-turbo-standard, i2v, false, false, 0.042",
            "v2.5-turbo/pro/text-to-video,       kling-2.5-turbo-pro,      t2v, false, true,  ''",   // was third party
            "v2.5-turbo/pro/image-to-video,      kling-2.5-turbo-pro,      i2v, true,  false, 0.07",
    })
    void matchesTheReferenceTable(String endpoint, String family, String workflow, boolean tail, boolean aspect, String price) {
        ModelCapabilities m = FalFixtures.model("fal-ai/kling-video/" + endpoint);
        Workflow w = Workflow.parse(workflow);
        assertEquals("fal", m.providerId());
        assertEquals(family, m.family());
        assertEquals(Set.of(w), m.workflows());
        assertEquals(w == Workflow.TEXT_TO_VIDEO ? Set.of() : tail ? Set.of(FramePosition.FIRST, FramePosition.LAST)
                : Set.of(FramePosition.FIRST), m.frameImages());
        assertEquals(aspect ? List.of("16:9", "9:16", "1:1") : List.of(), m.aspectRatios());
        assertEquals(aspect, !m.unsupported().containsKey("aspectRatio"));
        if (price.isEmpty()) {
            assertFalse(m.pricing().isKnown());
            assertTrue(m.pricing().source().contains("v1.6") || m.pricing().source().contains("third"),
                    "unknown, with why: " + m.pricing().source());
        } else {
            assertEquals(0, new BigDecimal(price).compareTo(m.pricing().perSecond()), m.pricing().toString());
            assertFalse(m.pricing().source().isBlank());
        }
        Map<?, ?> defaults = (Map<?, ?>) m.option("defaults").orElseThrow();
        assertEquals(aspect ? "16:9" : null, defaults.get("aspect_ratio"));
    }

    @Test
    void elevenEndpointsUnderTheSharedFamilyIds() {
        assertEquals(11, MODELS.size());
        assertEquals(11, MODELS.stream().map(ModelCapabilities::id).distinct().count());
        assertEquals(Set.of("kling-1.6-standard", "kling-1.6-pro", "kling-2.1-standard", "kling-2.1-pro", "kling-2.1-master",
                "kling-2.5-turbo-standard", "kling-2.5-turbo-pro"),
                MODELS.stream().map(ModelCapabilities::family).collect(Collectors.toSet()));
        // fal has no v2.5-turbo standard text-to-video, and no v2.1 standard/pro text-to-video
        assertTrue(MODELS.stream().noneMatch(m -> m.id().endsWith("v2.5-turbo/standard/text-to-video")
                || m.id().endsWith("v2.1/standard/text-to-video") || m.id().endsWith("v2.1/pro/text-to-video")));
    }

    @Test
    void everyEntryNamesItsSourceAndTheDayItWasCheckedOrSaysItIsUnverified() {
        for (ModelCapabilities m : FalFixtures.CATALOG) {
            String at = m.id();
            String notes = String.valueOf(m.option("notes").orElse(""));
            if (m.checked() == null) {
                // No fal page confirmed it: the source and the notes say so, and list what was searched.
                assertTrue(m.source().startsWith("unverified: "), at + ": " + m.source());
                assertTrue(notes.startsWith("UNVERIFIED: ") && notes.contains("Searched "), at + ": " + notes);
            } else {
                assertTrue(m.source().startsWith("https://fal.ai/"), at + ": " + m.source());
                assertFalse(notes.contains("UNVERIFIED"), at + ": " + notes);
                assertTrue(notes.contains("(stored copy of the page, read " + m.checked() + ")"), at + ": " + notes);
            }
            if (m.pricing().isKnown()) {
                assertTrue(m.pricing().asOf() != null && m.pricing().source().startsWith("https://fal.ai/"), at);
            }
        }
    }

    @Test
    void everyEndpointSharesTheKlingSchemaRules() {
        for (ModelCapabilities m : MODELS) {
            String at = m.id();
            assertEquals(List.of(5, 10), m.durations(), at);
            assertEquals(5, m.defaultDuration(), at);
            assertEquals(new Range(0, 1), m.cfgScale(), at);
            assertTrue(m.negativePrompt() != null, at);
            assertTrue(m.promptRequired().containsAll(m.workflows()), at);
            assertTrue(m.dimensions().isEmpty(), at);
            assertTrue(m.unsupported().keySet().containsAll(Set.of("width", "height", "seed")), at);
            assertEquals(1, m.maxResults(), at);
            assertEquals(Set.of(OutputFormat.MP4), m.outputFormats(), at);
            assertNull(m.outputQuality(), at);
            assertNull(m.fps(), at);   // fal does not document it
            Map<?, ?> defaults = (Map<?, ?>) m.option("defaults").orElseThrow();
            assertEquals("5", defaults.get("duration"), at);
            assertEquals("blur, distort, and low quality", defaults.get("negative_prompt"), at);
            assertEquals(0, new BigDecimal("0.5").compareTo((BigDecimal) defaults.get("cfg_scale")), at);
            assertTrue(m.id().startsWith("fal-ai/kling-video/"), at);
        }
    }
}
