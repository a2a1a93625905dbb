package dev.videogen4j.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the provider contract asks of the test server it starts: the clock its jobs run on and how long each job
 * queues and runs. See {@link VendorScenario}.
 *
 * <pre>{@code
 * protected VendorScenario startVendor(ScenarioSettings settings) {
 *     return new AcmeTestServer(settings.clock(), settings.queue(), settings.run());
 * }
 * }</pre>
 *
 * @param clock the time jobs are measured in; the contract advances it, the server only reads it
 * @param queue how long each accepted job waits before it runs (the vendor reports it queued meanwhile)
 * @param run   how long each job runs before it succeeds (or fails, when told to)
 */
public record ScenarioSettings(Clock clock, Duration queue, Duration run) {
    public ScenarioSettings {
        Objects.requireNonNull(clock, "clock == null");
        Objects.requireNonNull(queue, "queue == null");
        Objects.requireNonNull(run, "run == null");
        if (queue.isNegative() || run.isNegative()) {
            throw new IllegalArgumentException("queue and run must not be negative: " + queue + ", " + run);
        }
    }
}
