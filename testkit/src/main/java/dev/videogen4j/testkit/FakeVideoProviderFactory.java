package dev.videogen4j.testkit;

import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;

/**
 * The {@link java.util.ServiceLoader} entry for {@link FakeVideoProvider}, id {@code fake}. Needs no API key.
 *
 * <pre>{@code
 * // VIDEOGEN4J_PROVIDER=fake, with videogen4j-testkit on the test class path
 * VideoClient client = VideoClient.fromEnvironment();
 * }</pre>
 */
public class FakeVideoProviderFactory implements VideoProviderFactory {
    @Override
    public String id() {
        return FakeVideoProvider.ID;
    }

    @Override
    public String displayName() {
        return "Fake (in-memory, for tests)";
    }

    @Override
    public boolean requiresApiKey() {
        return false;
    }

    @Override
    public VideoProvider create(ProviderConfig config) {
        return new FakeVideoProvider();
    }
}
