package dev.videogen4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.OutputFormat;
import dev.videogen4j.Workflow;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.Dimension;
import dev.videogen4j.spi.FramePosition;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ModelCatalog;
import dev.videogen4j.spi.Range;
import dev.videogen4j.testing.ScriptedProvider;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The catalog format adapters ship and users override with, and how it reports mistakes. */
class ModelCatalogTest {
    private static List<ModelCapabilities> parse(String modelJson) {
        return ModelCatalog.parse("{\"provider\": \"acme\", \"models\": [" + modelJson + "]}", "acme-models.json");
    }

    private static String error(String catalogJson) {
        return assertThrows(ConfigurationException.class, () -> ModelCatalog.parse(catalogJson, "acme-models.json"))
                .getMessage();
    }

    private static String modelError(String modelJson) {
        return error("{\"provider\": \"acme\", \"models\": [" + modelJson + "]}");
    }

    @Test
    void everyFieldOfAModelIsRead() {
        ModelCapabilities m = ScriptedProvider.catalog().get(0);
        assertEquals("acme", m.providerId());
        assertEquals("acme-kling-2.5", m.id());
        assertEquals("kling-2.5-turbo", m.family());
        assertEquals("Kling 2.5 Turbo (Acme)", m.displayName());
        assertEquals(EnumSet.allOf(Workflow.class), m.workflows());
        assertEquals(List.of(5, 10), m.durations());
        assertEquals(List.of(new Dimension(1280, 720), new Dimension(720, 1280), new Dimension(1920, 1080)), m.dimensions());
        assertEquals(30, m.fps());
        assertEquals(new Range(0, 1), m.cfgScale());
        assertEquals(new Range(2, 100), m.promptLength());
        assertEquals(Set.of(Workflow.TEXT_TO_VIDEO), m.promptRequired());
        assertEquals(new Range(2, 50), m.negativePrompt());
        assertEquals(EnumSet.allOf(FramePosition.class), m.frameImages());
        assertEquals(2, m.maxResults());
        assertEquals(Set.of(OutputFormat.MP4, OutputFormat.WEBM), m.outputFormats());
        assertEquals(new Range(20, 99), m.outputQuality());
        assertEquals(new BigDecimal("0.07"), m.pricing().perSecond());
        assertEquals(Map.of("1080p", new BigDecimal("0.1")), m.pricing().byResolution());
        assertEquals("https://acme.example/pricing", m.pricing().source());
    }

    @Test
    void absentFieldsTakeTheDocumentedDefaults() {
        ModelCapabilities m = parse("{\"id\": \"m\", \"family\": \"f\", \"workflows\": [\"T2V\"]}").get(0);
        assertEquals("m", m.displayName());
        assertEquals(List.of(), m.durations());
        assertEquals(5, m.defaultDuration());
        assertNull(m.cfgScale());
        assertNull(m.negativePrompt());
        assertNull(m.outputQuality());
        assertEquals(Set.of(Workflow.TEXT_TO_VIDEO), m.promptRequired());
        assertEquals(1, m.maxResults());
        assertEquals(Set.of(OutputFormat.MP4), m.outputFormats());
        assertEquals(null, m.pricing().perSecond());
        assertEquals("no price in the catalog", m.pricing().source());
    }

    @Test
    void anUndocumentedPriceIsUnknownWithItsReason() {
        ModelCapabilities m = parse("{\"id\": \"m\", \"family\": \"f\", \"pricing\": {\"unknown\": \"not published\"}}").get(0);
        assertEquals(false, m.pricing().isKnown());
        assertEquals("not published", m.pricing().source());
    }

    @Test
    void aModelMayNameItsOwnProvider() {
        ModelCapabilities m = ModelCatalog.parse("{\"models\": [{\"provider\": \"zeta\", \"id\": \"m\", \"family\": \"f\"}]}",
                "x.json").get(0);
        assertEquals("zeta", m.providerId());
    }

    @Test
    void invalidJsonNamesTheOriginAndThePosition() {
        assertEquals("Model catalog acme-models.json is not valid JSON: Invalid JSON at character 12: expected ':'",
                error("{\"provider\" \"acme\"}"));
    }

    @Test
    void aModelWithoutProviderIsRefused() {
        assertEquals("Model catalog acme-models.json, model 'm': no provider named (top-level \"provider\")",
                error("{\"models\": [{\"id\": \"m\", \"family\": \"f\"}]}"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertEquals("Model catalog acme-models.json, model 'm': missing \"family\"", modelError("{\"id\": \"m\"}"));
    }

    @Test
    void aModelWithoutIdIsNamedByItsPosition() {
        assertEquals("Model catalog acme-models.json, model #2: missing \"id\"",
                modelError("{\"id\": \"ok\", \"family\": \"f\"}, {\"family\": \"f\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"durations\": [\"5\"]                 | durations: expected a whole number, got \"5\"",
            "\"durations\": [5.5]                   | durations: expected a whole number, got 5.5",
            "\"durations\": 5                       | durations: expected a JSON array",
            "\"workflows\": [\"x2v\"]               | workflows: Unknown workflow 'x2v': use t2v or i2v",
            "\"dimensions\": [\"1280*720\"]         | dimensions: not a WIDTHxHEIGHT dimension: 1280*720",
            "\"fps\": \"30\"                        | fps: expected a whole number, got \"30\"",
            "\"cfgScale\": {\"min\": 0}             | cfgScale: missing \"max\"",
            "\"cfgScale\": {\"min\": 1, \"max\": 0} | cfgScale: range min > max: 1.0..0.0",
            "\"cfgScale\": 1                        | cfgScale: expected a JSON object",
            "\"prompt\": {\"min\": 1, \"max\": \"x\"} | prompt: expected a number, got \"x\"",
            "\"frameImages\": [\"middle\"]          | frameImages: expected one of first, last, got \"middle\"",
            "\"outputFormats\": [\"AVI\"]           | outputFormats: expected one of MP4, WEBM, MOV, got \"AVI\"",
            "\"maxResults\": 0                      | maxResults: expected a whole number >= 1, got 0",
            "\"pricing\": {\"perSecond\": \"cheap\"} | pricing: expected a number, got \"cheap\"",
            "\"pricing\": {\"byResolution\": {\"720p\": null}} | pricing: expected a number, got null",
    })
    void aMalformedFieldIsNamedWithWhatWasExpected(String field, String expected) {
        assertEquals("Model catalog acme-models.json, model 'm': " + expected,
                modelError("{\"id\": \"m\", \"family\": \"f\", " + field + "}"));
    }

    @Test
    void aCatalogWhoseShapeIsWrongIsAConfigurationErrorToo() {
        assertEquals("Model catalog acme-models.json: models: expected a JSON array",
                error("{\"provider\": \"acme\", \"models\": {}}"));
        assertEquals("Model catalog acme-models.json, model #1: expected a JSON object",
                error("{\"provider\": \"acme\", \"models\": [\"m\"]}"));
        assertEquals("Model catalog acme-models.json: expected a JSON object", error("[]"));
    }

    @Test
    void aMissingResourceIsNamed() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ModelCatalog.load(ModelCatalogTest.class, "/no/such/models.json"));
        assertEquals("Model catalog /no/such/models.json is missing from the class path", e.getMessage());
        assertTrue(ModelCatalog.load(ScriptedProvider.class, ScriptedProvider.CATALOG).size() >= 5);
    }
}
