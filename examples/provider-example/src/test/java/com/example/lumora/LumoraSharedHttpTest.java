package com.example.lumora;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.spi.ApiKey;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.SharedResources;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin's HTTP client: the providers of one client family (clients made with {@code newBuilder()}) share one
 * connection pool and dispatcher through {@link SharedResources}; closing one provider leaves them to the others,
 * and only releasing the family's resources shuts them down. A provider given nothing to share owns its own.
 */
class LumoraSharedHttpTest {
    private static ProviderConfig config(SharedResources shared, Duration readTimeout) {
        return new ProviderConfig("lumora", ApiKey.of("lumora-test-key"), "http://127.0.0.1:9", Duration.ofSeconds(1),
                readTimeout, Map.of(), Clock.systemUTC(), shared);
    }

    @Test
    void providersOfOneFamilyShareThePoolAndThreadsUntilTheFamilyIsReleased() {
        SharedResources family = new SharedResources();
        LumoraProvider a = new LumoraProvider(config(family, Duration.ofSeconds(5)));
        LumoraProvider b = new LumoraProvider(config(family, Duration.ofSeconds(30)));

        assertSame(a.http.connectionPool(), b.http.connectionPool());
        assertSame(a.http.dispatcher(), b.http.dispatcher());
        assertTrue(a.http.readTimeoutMillis() != b.http.readTimeoutMillis(), "each keeps its own timeouts");

        a.close();
        assertFalse(b.http.dispatcher().executorService().isShutdown(), "b still uses the shared threads");
        family.close();
        assertTrue(b.http.dispatcher().executorService().isShutdown(), "released with the family");
    }

    @Test
    void aProviderGivenNothingToShareReleasesItsOwnClient() {
        LumoraProvider alone = new LumoraProvider(config(null, Duration.ofSeconds(5)));
        alone.http.dispatcher().executorService();   // started
        alone.close();
        assertTrue(alone.http.dispatcher().executorService().isShutdown());
    }
}
