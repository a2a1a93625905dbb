package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.internal.Settings;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every key is an environment variable and, lower case with dots, a system property that wins. */
class SettingsTest {
    @Test
    void aSystemPropertyIsTheSameKeyInDottedLowerCaseAndWins() {
        Properties props = new Properties();
        props.setProperty("videogen4j.provider", "beta");
        props.setProperty("videogen4j.alpha.api-key", "from-property");
        Settings s = Settings.of(Map.of("VIDEOGEN4J_PROVIDER", "alpha", "VIDEOGEN4J_ROUTING", "cheapest"), props);

        assertEquals(Optional.of("beta"), s.get("VIDEOGEN4J_PROVIDER"));
        assertEquals(Optional.of("beta"), s.get("videogen4j.provider"));
        assertEquals(Optional.of("cheapest"), s.get("VIDEOGEN4J_ROUTING"));
        assertEquals(Optional.of("from-property"), s.get("VIDEOGEN4J_ALPHA_API_KEY"));
    }

    @Test
    void blankValuesCountAsUnset() {
        Settings s = Settings.of(Map.of("VIDEOGEN4J_PROVIDER", "   ", "VIDEOGEN4J_ROUTING", " single:alpha "));
        assertEquals(Optional.empty(), s.get("VIDEOGEN4J_PROVIDER"));
        assertEquals(Optional.of("single:alpha"), s.get("VIDEOGEN4J_ROUTING"));
    }

    @Test
    void aPrefixSelectsAProvidersSettingsAsDottedKeys() {
        Properties props = new Properties();
        props.setProperty("videogen4j.alpha.batch-polling", "true");
        Settings s = Settings.of(Map.of("VIDEOGEN4J_ALPHA_WEBHOOK_SECRET", "w", "VIDEOGEN4J_ALPHABET_X", "other provider"), props);

        assertEquals(Map.of("batch.polling", "true", "webhook.secret", "w"), s.withPrefix("VIDEOGEN4J_ALPHA_"));
    }

    @Test
    void keysConvertBetweenTheirTwoForms() {
        assertEquals("VIDEOGEN4J_FAL_API_KEY", Settings.normalize("videogen4j.fal.api-key"));
        assertEquals("videogen4j.fal.api.key", Settings.propertyName("VIDEOGEN4J_FAL_API_KEY"));
    }
}
