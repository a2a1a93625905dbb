package dev.videogen4j.spring;

import java.time.Duration;

/**
 * {@code videogen4j.poll.*}: how often a job is polled, per job, growing from the first delay to the longest.
 *
 * <pre>{@code
 * videogen4j.poll.initial-delay: 2s
 * }</pre>
 */
public class PollProperties {
    /** Delay before the first poll (default 2s). */
    private Duration initialDelay;
    /** Growth of the delay from one poll to the next (default 1.5). */
    private Double multiplier;
    /** Longest delay between polls (default 10s). */
    private Duration maxDelay;

    public Duration getInitialDelay() { return initialDelay; }
    public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
    public Double getMultiplier() { return multiplier; }
    public void setMultiplier(Double multiplier) { this.multiplier = multiplier; }
    public Duration getMaxDelay() { return maxDelay; }
    public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
}
