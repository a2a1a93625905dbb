package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FalProviderFactoryTest {
    private static ProviderConfig config(String key, String baseUrl, Map<String, String> settings) {
        return new ProviderConfig("fal", key == null ? null : ApiKey.of(key), baseUrl, Duration.ofSeconds(3),
                Duration.ofSeconds(3), settings, FalFixtures.CLOCK);
    }

    @Test
    void isFoundByServiceLoaderAsFal() {
        List<VideoProviderFactory> fal = ServiceLoader.load(VideoProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("fal")).collect(Collectors.toList());
        assertEquals(1, fal.size());
        VideoProviderFactory f = fal.get(0);
        assertInstanceOf(FalProviderFactory.class, f);
        assertEquals(List.of("FAL_KEY"), f.apiKeyVariables());
        assertEquals("https://queue.fal.run", f.defaultBaseUrl());
        assertTrue(f.requiresApiKey());
        assertEquals("fal.ai", f.displayName());
    }

    @Test
    void createsAProviderThatDoesBothWorkflowsAndNeverDeduplicates() {
        try (VideoProvider p = new FalProviderFactory().create(config(FalFixtures.KEY, null, Map.of()))) {
            assertEquals("fal", p.id());
            assertInstanceOf(TextToVideo.class, p);
            assertInstanceOf(ImageToVideo.class, p);
            assertFalse(p.deduplicatesSubmits());
            assertTrue(p.supportsCancel());
            assertEquals(28, p.models().size(), "11 Kling endpoints + 17 of the newer families");
            assertEquals("FalProvider[https://queue.fal.run/]", p.toString());   // the default base, no network used
            assertFalse(p.toString().contains(FalFixtures.KEY));
        }
    }

    @Test
    void aMissingKeyOrBadBaseUrlFailsTheBuild() {
        ConfigurationException noKey = assertThrows(ConfigurationException.class,
                () -> new FalProviderFactory().create(config(null, null, Map.of())));
        assertTrue(noKey.getMessage().contains("FAL_KEY") && noKey.getMessage().contains("VIDEOGEN4J_FAL_API_KEY"));
        ConfigurationException badUrl = assertThrows(ConfigurationException.class,
                () -> new FalProviderFactory().create(config(FalFixtures.KEY, "queue.fal.run", Map.of())));
        assertTrue(badUrl.getMessage().contains("VIDEOGEN4J_FAL_BASE_URL"), badUrl.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"start.timeout, 1, VIDEOGEN4J_FAL_START_TIMEOUT", "start.timeout, soon, VIDEOGEN4J_FAL_START_TIMEOUT",
            "queue.priority, high, VIDEOGEN4J_FAL_QUEUE_PRIORITY", "max.queue.length, -1, VIDEOGEN4J_FAL_MAX_QUEUE_LENGTH"})
    void aMalformedSettingFailsTheBuildNamingIt(String key, String value, String variable) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new FalProviderFactory().create(config(FalFixtures.KEY, null, Map.of(key, value))));
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(variable) && e.getMessage().contains(value),
                e.getMessage());
    }
}
