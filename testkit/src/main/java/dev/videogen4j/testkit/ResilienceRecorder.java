package dev.videogen4j.testkit;

import dev.videogen4j.VideoJobListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener that writes down the circuit breaker's transitions ({@code CLOSED->OPEN}) and the retries
 * ({@code submit PT3S}), so a test can assert what the client's resilience did.
 *
 * <pre>{@code
 * ResilienceRecorder seen = new ResilienceRecorder();
 * VideoClient client = VideoClient.builder().listener(seen)...build();
 * // ... an outage ...
 * assertEquals(List.of("CLOSED->OPEN"), seen.circuit());
 * }</pre>
 */
public final class ResilienceRecorder implements VideoJobListener {
    private final List<String> circuit = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();

    @Override
    public void onCircuitStateChanged(String provider, dev.videogen4j.observation.CircuitState from,
                                      dev.videogen4j.observation.CircuitState to) {
        circuit.add(from + "->" + to);
    }

    @Override
    public void onRetry(String provider, dev.videogen4j.spi.Operation operation, int attempt, Throwable cause,
                        Duration wait) {
        retries.add(operation.label() + " " + wait);
    }

    /** Circuit breaker transitions seen, as {@code FROM->TO}, oldest first (a live view). */
    public List<String> circuit() {
        return circuit;
    }

    /** Retries seen, as {@code operation wait}, e.g. {@code submit PT3S}, oldest first (a live view). */
    public List<String> retries() {
        return retries;
    }
}
