package dev.videogen4j.testing;

import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;

/**
 * A provider plugin found through {@code META-INF/services} (core's test resources register it): id
 * {@code alpha}, key in {@code ALPHA_API_KEY}. Its providers are {@link ScriptedProvider}s with default answers.
 * Register an instance explicitly with {@code providerFactory(...)} to read back the config core built.
 */
public class AlphaProviderFactory implements VideoProviderFactory {
    private volatile ProviderConfig lastConfig;
    private volatile ScriptedProvider lastProvider;

    @Override
    public String id() {
        return "alpha";
    }

    @Override
    public String displayName() {
        return "Alpha (test)";
    }

    @Override
    public List<String> apiKeyVariables() {
        return List.of("ALPHA_API_KEY");
    }

    @Override
    public String defaultBaseUrl() {
        return "https://alpha.example/v1";
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        lastConfig = config;
        lastProvider = ScriptedProvider.of(id(), config.clock());
        return lastProvider;
    }

    public ProviderConfig lastConfig() {
        return lastConfig;
    }

    public ScriptedProvider lastProvider() {
        return lastProvider;
    }
}
