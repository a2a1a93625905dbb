package dev.videogen4j.internal;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.VideoProvider;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every part of the engine shares: providers with their guards, the catalog, time, events, the store, and the
 * redactor of the client's own keys.
 */
record EngineContext(Map<String, VideoProvider> providers, Map<String, ProviderResilience> resilience,
                     CapabilityMatrix matrix, Clock clock, ScheduledExecutorService timer, Listeners listeners,
                     JobRecords records, EngineSettings settings, Redactor redactor) {
    EngineContext {
        providers = Map.copyOf(providers);
        resilience = Map.copyOf(resilience);
    }

    JobStore store() {
        return records.store();
    }

    VideoProvider provider(String id) {
        VideoProvider p = providers.get(id);
        if (p == null) {
            throw new ConfigurationException("Provider '" + id + "' is not configured in this client (configured: "
                    + String.join(", ", providers.keySet()) + ")");
        }
        return p;
    }

    /**
     * A tracker for a job this client did not submit, from its record: what it asked for (to price it and count
     * its videos) and when it was sent. Null when this client does not have its provider.
     */
    JobTracker trackerOf(dev.videogen4j.jobs.JobRecord r, dev.videogen4j.JobId id,
                         dev.videogen4j.observation.JobObservation seen) {
        VideoProvider p = providers.get(r.providerId());
        if (p == null) return null;
        return new JobTracker(id, r.id(), p, matrix.model(r.providerId(), r.model()).orElse(null),
                r.request().toVideoRequest(), r.submittedAt() != null ? r.submittedAt() : r.createdAt(),
                java.util.List.of(), seen);
    }

    ProviderResilience guard(String providerId) {
        return resilience.get(provider(providerId).id());
    }
}
