package dev.videogen4j.fal;

import dev.videogen4j.fal.internal.FalHttp;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import java.util.List;

/**
 * The {@link java.util.ServiceLoader} entry of the fal.ai adapter, id {@code fal}. Put this module on the class
 * path and configure it through the environment (or the matching {@code videogen4j.fal.*} system properties):
 *
 * <pre>{@code
 * FAL_KEY=key_id:key_secret                 # or VIDEOGEN4J_FAL_API_KEY
 * VIDEOGEN4J_FAL_BASE_URL=http://localhost:8089   # optional; default https://queue.fal.run
 * VIDEOGEN4J_FAL_START_TIMEOUT=60           # optional: X-Fal-Request-Timeout (seconds, > 1) on every submit
 * VIDEOGEN4J_FAL_QUEUE_PRIORITY=low         # optional: X-Fal-Queue-Priority, normal or low
 * VIDEOGEN4J_FAL_MAX_QUEUE_LENGTH=100       # optional: ?fal_max_queue_length (429 when the queue is longer)
 * }</pre>
 *
 * <pre>{@code
 * VideoProvider fal = new FalProviderFactory().create(ProviderConfig.of("fal", System.getenv("FAL_KEY"), null));
 * }</pre>
 *
 * <p>Per request, {@code providerOptions} keys starting with {@code x-} become headers (so
 * {@code providerOption("X-Fal-Request-Timeout", 30)} overrides the start timeout for one job); every other key is
 * merged into the model input JSON.
 */
public final class FalProviderFactory implements VideoProviderFactory {
    @Override
    public String id() {
        return "fal";
    }

    @Override
    public String displayName() {
        return "fal.ai";
    }

    @Override
    public List<String> apiKeyVariables() {
        return List.of("FAL_KEY");
    }

    @Override
    public String defaultBaseUrl() {
        return FalHttp.DEFAULT_BASE_URL;
    }

    /** @throws dev.videogen4j.error.ConfigurationException when the key is missing or a setting is malformed */
    @Override
    public VideoProvider create(ProviderConfig config) {
        return new FalProvider(config);
    }
}
