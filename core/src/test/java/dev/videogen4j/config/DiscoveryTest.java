package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.internal.ProviderRegistry;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import dev.videogen4j.testing.AlphaProviderFactory;
import dev.videogen4j.testing.BetaProviderFactory;
import dev.videogen4j.testing.DuplicateAlphaProviderFactory;
import dev.videogen4j.testing.PluginClassLoaders;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provider plugins found through ServiceLoader: the two test factories registered in META-INF/services. */
class DiscoveryTest {
    private static final String ALPHA = AlphaProviderFactory.class.getName();
    private static final String DUPLICATE = DuplicateAlphaProviderFactory.class.getName();

    @TempDir
    Path dir;

    @Test
    void bothRegisteredFactoriesAreFound() {
        ProviderRegistry registry = ProviderRegistry.discover(List.of());
        assertEquals(List.of("alpha", "beta"), registry.ids());
        assertInstanceOf(AlphaProviderFactory.class, registry.get("alpha"));
        assertInstanceOf(BetaProviderFactory.class, registry.get("beta"));
    }

    @Test
    void aClientUsesADiscoveredProviderByIdAlone() {
        VideoClient client = VideoClient.builder()
                .environment(Map.of("VIDEOGEN4J_PROVIDER", "beta", "BETA_KEY", "beta-secret-1"))
                .build();
        assertEquals(List.of("beta"), client.providers());
        assertEquals("single:beta", client.routing());
        assertEquals(List.of("beta-1"), client.capabilities().models().stream().map(m -> m.id()).toList());
        client.close();
    }

    @Test
    void anExplicitFactoryOfTheSameClassWinsOverTheDiscoveredOne() {
        AlphaProviderFactory mine = new AlphaProviderFactory();
        assertSame(mine, ProviderRegistry.discover(List.of(mine)).get("alpha"));
    }

    @Test
    void anUnknownIdListsTheIdsThatWereFound() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderRegistry.discover(List.of()).get("runware"));
        assertEquals("Unknown provider 'runware'. Providers found: alpha, beta", e.getMessage());
        assertEquals("Unknown provider 'runware'. Providers found: none (add videogen4j-provider-runware or -fal to the "
                + "class path)", assertThrows(ConfigurationException.class, () -> ProviderRegistry.of(List.of()).get("runware"))
                .getMessage());
    }

    @Test
    void twoPluginsOnTheClassPathClaimingOneIdFailDiscoveryNamingBothClasses() throws Exception {
        try (URLClassLoader withDuplicate = PluginClassLoaders.registering(dir, DUPLICATE)) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginClassLoaders
                    .withContextClassLoader(withDuplicate, () -> ProviderRegistry.discover(List.of())));

            assertEquals("Two provider factories claim the id 'alpha': " + ALPHA + " and " + DUPLICATE
                    + ". Remove one of them from the class path.", e.getMessage());
        }
    }

    @Test
    void aDuplicateIdFailsTheClientBuildToo() throws Exception {
        try (URLClassLoader withDuplicate = PluginClassLoaders.registering(dir, DUPLICATE)) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginClassLoaders
                    .withContextClassLoader(withDuplicate, () -> VideoClient.builder()
                            .environment(Map.of("VIDEOGEN4J_PROVIDER", "beta", "BETA_KEY", "beta-secret-1")).build()));
            assertTrue(e.getMessage().contains(ALPHA) && e.getMessage().contains(DUPLICATE), e.getMessage());
        }
        // and with the context class loader restored, discovery is clean again
        assertEquals(List.of("alpha", "beta"), ProviderRegistry.discover(List.of()).ids());
    }

    @Test
    void anExplicitFactoryReplacesADiscoveredOneWithTheSameId() {
        DuplicateAlphaProviderFactory mine = new DuplicateAlphaProviderFactory();
        assertSame(mine, ProviderRegistry.discover(List.of(mine)).get("alpha"));
    }

    @Test
    void aPluginThatCannotBeLoadedIsAConfigurationError() throws Exception {
        try (URLClassLoader broken = PluginClassLoaders.registering(dir, "com.example.NoSuchFactory")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> PluginClassLoaders
                    .withContextClassLoader(broken, () -> ProviderRegistry.discover(List.of())));
            assertTrue(e.getMessage().startsWith("A provider plugin could not be loaded: "), e.getMessage());
            assertTrue(e.getMessage().contains("com.example.NoSuchFactory"), e.getMessage());
        }
    }

    @Test
    void aFactoryIdMustBeLowerCaseLettersDigitsAndDashes() {
        VideoProviderFactory bad = new VideoProviderFactory() {
            @Override
            public String id() {
                return "My_Provider";
            }

            @Override
            public VideoProvider create(ProviderConfig config) {
                throw new AssertionError("never created");
            }
        };
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ProviderRegistry.of(List.of(bad)));
        assertEquals("Provider factory " + bad.getClass().getName() + " has an invalid id 'My_Provider' "
                + "(use lower case letters, digits and dashes)", e.getMessage());
    }
}
