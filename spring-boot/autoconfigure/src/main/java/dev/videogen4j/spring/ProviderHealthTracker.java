package dev.videogen4j.spring;

import dev.videogen4j.VideoClient;
import dev.videogen4j.observation.CallEnd;
import dev.videogen4j.observation.CallObservation;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.observation.ProviderCall;
import dev.videogen4j.observation.VideoObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each provider's last failed call, so health checks can show it beside the circuit breaker's state.
 * Holds only what exceptions already show (their messages never contain API keys).
 *
 * <pre>{@code
 * Map<String, Object> details = tracker.details(client, "fal");   // {circuit=closed, lastError={...}}
 * }</pre>
 */
public final class ProviderHealthTracker implements VideoObserver {
    private record LastError(String kind, String message, Instant at) {
    }

    private final Map<String, LastError> lastErrors = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProviderHealthTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CallObservation callStarted(ProviderCall call) {
        return end -> {
            if (end.outcome() != CallEnd.Outcome.SUCCEEDED) {
                lastErrors.put(call.providerId(), new LastError(end.errorKind().name().toLowerCase(Locale.ROOT),
                        call.operation().label() + ": " + end.error().getMessage(), clock.instant()));
            }
        };
    }

    /** Whether the provider takes calls: its circuit is not open. */
    public boolean up(VideoClient client, String provider) {
        return client.circuitState(provider) != CircuitState.OPEN;
    }

    /** The health details of one provider: its circuit state and its last error, if any. */
    public Map<String, Object> details(VideoClient client, String provider) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("circuit", client.circuitState(provider).name().toLowerCase(Locale.ROOT));
        LastError e = lastErrors.get(provider);
        if (e != null) {
            details.put("lastError", Map.of("kind", e.kind(), "message", e.message(), "at", e.at().toString()));
        }
        return details;
    }
}
