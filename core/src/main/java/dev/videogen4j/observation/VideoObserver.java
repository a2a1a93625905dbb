package dev.videogen4j.observation;

/**
 * What metrics and tracing need to see: each call to a provider from start to end, each job from its submit
 * (or resumption) to its end, and circuit breaker moves. Every method has a default that observes nothing.
 * Called on videogen4j's threads: return quickly, do not block; an observer that throws is logged and ignored.
 *
 * <pre>{@code
 * VideoClient client = VideoClient.builder()
 *         .observer(new VideoObserver() {
 *             @Override public CallObservation callStarted(ProviderCall call) {
 *                 return end -> System.out.printf("%s %s %s in %d ms%n", call.providerId(), call.operation().label(),
 *                         end.outcome(), end.duration().toMillis());
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Unlike {@link dev.videogen4j.VideoJobListener}, which reports what happened, an observer is told when
 * something <em>starts</em> and holds a handle until it ends, so a tracer can open a span and a timer can time it.
 */
public interface VideoObserver {
    /** One attempt of a provider call starts (a retried call starts again); tell the handle how it ended. */
    default CallObservation callStarted(ProviderCall call) {
        return CallObservation.NONE;
    }

    /**
     * A job starts: a submit is about to be sent, or a job known only by its id is followed. The handle hears
     * that it was accepted, started running, and how it ended (exactly one of succeeded or failed).
     */
    default JobObservation jobStarted(JobStart job) {
        return JobObservation.NONE;
    }

    /** A provider's circuit breaker moved. */
    default void circuitStateChanged(String provider, CircuitState from, CircuitState to) {
    }
}
