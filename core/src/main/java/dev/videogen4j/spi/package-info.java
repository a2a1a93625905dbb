/**
 * What a provider adapter implements. An adapter ships a {@link dev.videogen4j.spi.VideoProviderFactory}
 * registered in {@code META-INF/services/dev.videogen4j.spi.VideoProviderFactory}; videogen4j finds it with
 * {@link java.util.ServiceLoader}. The provider implements {@link dev.videogen4j.spi.TextToVideo} and/or
 * {@link dev.videogen4j.spi.ImageToVideo}; the job calls (poll, result, cancel) are common to both.
 *
 * <p>Adapters only talk HTTP and parse their vendor's bodies. Validation, retries, circuit breaking, polling,
 * deadlines and cost accounting happen once, in core. Errors become exceptions through
 * {@link dev.videogen4j.spi.ProviderErrors}, so every provider maps statuses the same way.
 */
package dev.videogen4j.spi;
