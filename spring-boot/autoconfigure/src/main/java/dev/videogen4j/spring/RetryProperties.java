package dev.videogen4j.spring;

import java.time.Duration;

/**
 * {@code videogen4j.retry.*}, or per provider {@code videogen4j.<provider>.retry.*} (which wins): retries of one
 * provider call. A submit is retried only when it provably did not land or the provider de-duplicates it.
 *
 * <pre>{@code
 * videogen4j.retry.max-attempts: 4
 * }</pre>
 */
public class RetryProperties {
    /** Attempts including the first (default 4; 1 = no retry). */
    private Integer maxAttempts;
    /** Wait before the first retry (default 500ms). */
    private Duration initialBackoff;
    /** Growth of the wait per retry (default 2). */
    private Double multiplier;
    /** Longest wait between attempts (default 30s). */
    private Duration maxBackoff;
    /** Random spread of each wait, as a share of it (default 0.5). */
    private Double jitter;
    /** Longest Retry-After honoured as given (default 60s). */
    private Duration maxRetryAfter;

    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Double getMultiplier() { return multiplier; }
    public void setMultiplier(Double multiplier) { this.multiplier = multiplier; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public Double getJitter() { return jitter; }
    public void setJitter(Double jitter) { this.jitter = jitter; }
    public Duration getMaxRetryAfter() { return maxRetryAfter; }
    public void setMaxRetryAfter(Duration maxRetryAfter) { this.maxRetryAfter = maxRetryAfter; }
}
