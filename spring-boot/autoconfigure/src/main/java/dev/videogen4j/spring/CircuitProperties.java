package dev.videogen4j.spring;

import java.time.Duration;

/**
 * {@code videogen4j.circuit.*}, or per provider {@code videogen4j.<provider>.circuit.*} (which wins): each
 * provider's circuit breaker.
 *
 * <pre>{@code
 * videogen4j.circuit.open-duration: 30s
 * }</pre>
 */
public class CircuitProperties {
    /** Failure rate in percent that opens the circuit (default 50). */
    private Float failureRate;
    /** Calls the failure rate is measured over (default 20). */
    private Integer window;
    /** Calls needed before the rate counts (default 10). */
    private Integer minCalls;
    /** How long the circuit stays open (default 30s). */
    private Duration openDuration;
    /** Trial calls that decide whether it closes again (default 3). */
    private Integer halfOpenCalls;

    public Float getFailureRate() { return failureRate; }
    public void setFailureRate(Float failureRate) { this.failureRate = failureRate; }
    public Integer getWindow() { return window; }
    public void setWindow(Integer window) { this.window = window; }
    public Integer getMinCalls() { return minCalls; }
    public void setMinCalls(Integer minCalls) { this.minCalls = minCalls; }
    public Duration getOpenDuration() { return openDuration; }
    public void setOpenDuration(Duration openDuration) { this.openDuration = openDuration; }
    public Integer getHalfOpenCalls() { return halfOpenCalls; }
    public void setHalfOpenCalls(Integer halfOpenCalls) { this.halfOpenCalls = halfOpenCalls; }
}
