package dev.videogen4j.testing;

import dev.videogen4j.spi.VideoProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Builds class loaders that add a {@code META-INF/services} registration of their own on top of the test class
 * path, and runs code with one as the thread context class loader (where {@code ServiceLoader} discovery looks).
 *
 * <pre>{@code
 * ClassLoader withDuplicate = PluginClassLoaders.registering(tempDir, DuplicateAlphaProviderFactory.class.getName());
 * PluginClassLoaders.withContextClassLoader(withDuplicate, () -> VideoClient.builder().build());
 * }</pre>
 */
public final class PluginClassLoaders {
    private PluginClassLoaders() {
    }

    /** A loader whose services file (written under {@code dir}) lists {@code classNames}, parent: the test loader. */
    public static URLClassLoader registering(Path dir, String... classNames) {
        try {
            Path services = dir.resolve("META-INF/services/" + VideoProviderFactory.class.getName());
            Files.createDirectories(services.getParent());
            Files.writeString(services, String.join("\n", classNames) + "\n", StandardCharsets.UTF_8);
            return new URLClassLoader(new URL[]{dir.toUri().toURL()}, PluginClassLoaders.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} with {@code loader} as the context class loader, restoring the previous one after. */
    public static <T> T withContextClassLoader(ClassLoader loader, Callable<T> body) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return body.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
