package dev.videogen4j.runware;

import static dev.videogen4j.runware.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** ServiceLoader registration, defaults, overrides and configuration errors. */
class RunwareProviderFactoryTest {
    @Test
    void isFoundThroughServiceLoaderUnderItsId() {
        List<VideoProviderFactory> found = ServiceLoader.load(VideoProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("runware")).collect(Collectors.toList());
        assertEquals(1, found.size());
        VideoProviderFactory f = found.get(0);
        assertTrue(f instanceof RunwareProviderFactory);
        assertEquals(List.of("RUNWARE_API_KEY"), f.apiKeyVariables());
        assertEquals("https://api.runware.ai/v1", f.defaultBaseUrl());
        assertEquals("Runware", f.displayName());
        assertTrue(f.requiresApiKey());
    }

    @Test
    void theBaseUrlOverrideIsUsedExactlyAsGiven() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(ok("{\"data\":[]}"));
            try (VideoProvider p = new RunwareProviderFactory().create(Fixtures.config(server.url("/proxy/runware/v1").toString()))) {
                p.poll(JobId.of("runware", "klingai:6@0", Fixtures.TASK));
            }
            assertEquals("/proxy/runware/v1", Fixtures.take(server).getUrl().encodedPath());
        }
    }

    @Test
    void servesTheCatalogAndTheConfiguredId() {
        try (VideoProvider p = new RunwareProviderFactory().create(Fixtures.config(null))) {
            assertEquals("runware", p.id());
            assertEquals(22, p.models().size(), "12 Kling + 10 newer models");
        }
    }

    @Test
    void configurationMistakesAreReportedWithWhatToSet() {
        RunwareProviderFactory f = new RunwareProviderFactory();
        ConfigurationException noKey = assertThrows(ConfigurationException.class,
                () -> f.create(ProviderConfig.of("runware", null, null)));
        assertTrue(noKey.getMessage().contains("RUNWARE_API_KEY"), noKey.getMessage());
        ConfigurationException badUrl = assertThrows(ConfigurationException.class,
                () -> f.create(ProviderConfig.of("runware", Fixtures.KEY, "ftp://example.com/v1")));
        assertTrue(badUrl.getMessage().contains("VIDEOGEN4J_RUNWARE_BASE_URL"), badUrl.getMessage());
        for (String bad : List.of("0", "-3", "many")) {
            assertThrows(ConfigurationException.class, () -> f.create(Fixtures.config(null)
                    .withSetting(RunwareProviderFactory.TRACKED_JOBS, bad)));
        }
        f.create(Fixtures.config(null).withSetting(RunwareProviderFactory.TRACKED_JOBS, "5")).close();
    }
}
