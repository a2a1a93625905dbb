package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that fails after providers were created must not leak them (connection pools, threads). */
class ClientBuildTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
    private final ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
    private final ScriptedProvider zeta = ScriptedProvider.of("zeta", scheduler.clock());

    @TempDir
    Path dir;

    @Test
    void aBadSettingFailsTheBuildBeforeAnyProviderIsCreated() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestClients
                .virtual(scheduler, Map.of("VIDEOGEN4J_ZETA_RETRY_MAX_ATTEMPTS", "0"), acme, zeta).build());
        assertEquals("VIDEOGEN4J_ZETA_RETRY_MAX_ATTEMPTS=0 must be at least 1", e.getMessage());
        assertNull(acme.config(), "acme was never created");
        assertNull(zeta.config(), "zeta was never created");
    }

    @Test
    void aBadModelsFileFailsTheBuildBeforeAnyProviderIsCreated() {
        assertThrows(ConfigurationException.class,
                () -> TestClients.virtual(scheduler, acme).modelsFile(dir.resolve("missing.json")).build());
        assertNull(acme.config());
    }

    @Test
    void aFailureAfterTheProvidersWereCreatedClosesThem() {
        // acme cannot poll in batches: found only once the providers exist
        assertThrows(ConfigurationException.class,
                () -> TestClients.virtual(scheduler, acme, zeta).batchPolling("acme").build());
        assertTrue(acme.closed() && zeta.closed());
    }

    @Test
    void aClientBuiltWithoutInjectedExecutorsOwnsAndStopsThemOnClose() {
        VideoClient client = VideoClient.builder().providerFactory(acme.factory()).provider("acme").build();
        client.close();
        assertTrue(acme.closed());
    }
}
