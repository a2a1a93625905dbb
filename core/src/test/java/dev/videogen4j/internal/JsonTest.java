package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ModelCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader behind catalogs and settings: what it accepts, and the duplicate key it refuses. */
class JsonTest {
    @Test
    void readsObjectsInOrderArraysNumbersAndEscapes() {
        Object v = Json.parse("{\"b\": [1, 2.50, -3e2], \"a\": \"x\\u00e9\\n\", \"t\": true, \"n\": null}");
        assertEquals(List.of("b", "a", "t", "n"), List.copyOf(((Map<?, ?>) v).keySet()));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2.50"), new BigDecimal("-3e2")), ((Map<?, ?>) v).get("b"));
        assertEquals("x\u00e9\n", ((Map<?, ?>) v).get("a"));
    }

    @Test
    void aRepeatedKeyIsAnErrorNotASilentOverride() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\"pricing\": {\"perSecond\": 0.1}, \"pricing\": {\"perSecond\": 0.2}}"));
        assertTrue(e.getMessage().contains("duplicate key \"pricing\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[{\"a\": {\"x\": 1, \"x\": 1}}]"));
    }

    @Test
    void aUsersCatalogWithADuplicateKeyIsRefusedNamingTheFile() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ModelCatalog.parse(
                "{\"provider\": \"fal\", \"models\": [{\"id\": \"a/b\", \"family\": \"f\", \"family\": \"g\"}]}", "my-models.json"));
        assertTrue(e.getMessage().startsWith("Model catalog my-models.json is not valid JSON: Invalid JSON at character 69: duplicate key \"family\""),
                e.getMessage());
    }

    @Test
    void theSameKeyInSiblingObjectsIsFine() {
        assertEquals(2, ((List<?>) Json.parse("[{\"id\": 1}, {\"id\": 2}]")).size());
    }
}
