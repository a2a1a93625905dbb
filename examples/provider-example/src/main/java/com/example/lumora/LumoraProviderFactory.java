package com.example.lumora;

import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry of the Lumora plugin, listed in
 * {@code META-INF/services/dev.videogen4j.spi.VideoProviderFactory}.
 *
 * <pre>{@code
 * // LUMORA_API_KEY=... and VIDEOGEN4J_PROVIDER=lumora, with this jar on the class path
 * VideoClient client = VideoClient.builder().fromEnvironment().build();
 * }</pre>
 */
public final class LumoraProviderFactory implements VideoProviderFactory {
    /** The provider id users configure. */
    public static final String ID = "lumora";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Lumora (example plugin)";
    }

    @Override
    public List<String> apiKeyVariables() {
        return List.of("LUMORA_API_KEY");
    }

    @Override
    public String defaultBaseUrl() {
        return LumoraProvider.DEFAULT_BASE_URL;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return new LumoraProvider(config);
    }
}
