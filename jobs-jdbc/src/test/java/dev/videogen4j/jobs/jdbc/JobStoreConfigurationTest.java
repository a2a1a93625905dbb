package dev.videogen4j.jobs.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VIDEOGEN4J_JOB_STORE and its settings, read by the client through this module's factory; mistakes say what to set. */
class JobStoreConfigurationTest {

    private static VideoClient client(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("RUNWARE_API_KEY", "test-key");
        return VideoClient.builder().environment(env).build();
    }

    private static String h2() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void aJdbcUrlOpensThisModulesStoreWithItsWorkerSettings() {
        try (VideoClient client = client(Map.of("VIDEOGEN4J_JOB_STORE", h2(), "VIDEOGEN4J_INSTANCE_ID", "api-7",
                "VIDEOGEN4J_JOB_STORE_THREADS", "4", "VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL", "250ms",
                "VIDEOGEN4J_JOB_STORE_HEARTBEAT", "PT2S", "VIDEOGEN4J_JOB_STORE_ORPHAN_AFTER", "1m"))) {
            assertTrue(client.providers().contains("runware")); // built: the factory took every setting
        }
    }

    @Test
    void aWrongWorkerSettingNamesTheVariableAndWhatItTakes() {
        ConfigurationException threads = assertThrows(ConfigurationException.class, () -> client(Map.of(
                "VIDEOGEN4J_JOB_STORE", h2(), "VIDEOGEN4J_JOB_STORE_THREADS", "zero")));
        assertEquals("VIDEOGEN4J_JOB_STORE_THREADS=zero must be a whole number of at least 1", threads.getMessage());
        ConfigurationException heartbeat = assertThrows(ConfigurationException.class, () -> client(Map.of(
                "VIDEOGEN4J_JOB_STORE", h2(), "VIDEOGEN4J_JOB_STORE_HEARTBEAT", "-5s")));
        assertEquals("VIDEOGEN4J_JOB_STORE_HEARTBEAT=-5s must be a positive duration such as 500ms, 5s, 2m or PT5S",
                heartbeat.getMessage());
    }

    @Test
    void aUrlNoDriverTakesSaysWhichArtifactToAddAndNeverPrintsThePassword() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> client(Map.of(
                "VIDEOGEN4J_JOB_STORE", "jdbc:mysql://db:3306/app?user=app&password=hunter2")));
        assertTrue(e.getMessage().contains("add org.postgresql:postgresql or com.h2database:h2"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseSaysWhichVariablesToCheck() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> client(Map.of(
                "VIDEOGEN4J_JOB_STORE", "jdbc:postgresql://127.0.0.1:1/app", "VIDEOGEN4J_JOB_STORE_PASSWORD", "hunter2")));
        assertTrue(e.getMessage().startsWith("cannot reach the job store's database or create its tables: "), e.getMessage());
        assertTrue(e.getMessage().contains("check VIDEOGEN4J_JOB_STORE, VIDEOGEN4J_JOB_STORE_USER and "
                + "VIDEOGEN4J_JOB_STORE_PASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
