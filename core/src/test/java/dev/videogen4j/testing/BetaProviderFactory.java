package dev.videogen4j.testing;

import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;

/**
 * The second provider plugin found through {@code META-INF/services}: id {@code beta}, with two vendor key
 * variables ({@code BETA_TOKEN}, then {@code BETA_KEY}).
 */
public class BetaProviderFactory implements VideoProviderFactory {
    private volatile ProviderConfig lastConfig;

    @Override
    public String id() {
        return "beta";
    }

    @Override
    public List<String> apiKeyVariables() {
        return List.of("BETA_TOKEN", "BETA_KEY");
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        lastConfig = config;
        return ScriptedProvider.of(id(), config.clock());
    }

    public ProviderConfig lastConfig() {
        return lastConfig;
    }
}
