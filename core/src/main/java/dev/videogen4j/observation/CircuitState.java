package dev.videogen4j.observation;

/**
 * A provider's circuit breaker: {@link #CLOSED} lets calls through, {@link #OPEN} refuses them after repeated
 * provider faults, {@link #HALF_OPEN} lets a few trial calls through to see whether the provider recovered.
 *
 * <pre>{@code
 * if (client.circuitState("fal") == CircuitState.OPEN) useAnotherProvider();
 * }</pre>
 */
public enum CircuitState { CLOSED, OPEN, HALF_OPEN }
