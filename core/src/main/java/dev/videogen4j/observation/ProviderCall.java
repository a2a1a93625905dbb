package dev.videogen4j.observation;

import dev.videogen4j.spi.Operation;
import java.util.Objects;

/**
 * One attempt of a call to a provider, as {@link VideoObserver#callStarted} sees it.
 *
 * <pre>{@code
 * new ProviderCall("fal", Operation.POLL, 1)
 * }</pre>
 *
 * @param providerId the provider id ({@code fal})
 * @param operation submit, poll (also a batch of polls), result or cancel
 * @param attempt   1 for the first attempt, 2 for the first retry, ...
 */
public record ProviderCall(String providerId, Operation operation, int attempt) {
    public ProviderCall {
        Objects.requireNonNull(providerId, "providerId == null");
        Objects.requireNonNull(operation, "operation == null");
        if (attempt < 1) throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
    }
}
