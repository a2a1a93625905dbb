package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.spi.ProviderOutput;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Webhook handling: a provider's notice completes its job now instead of at its next poll, on whichever instance
 * receives it. A job this client follows completes here; a job only the store knows (submitted by another
 * instance, or whose submit answer was lost and which the notice names by its submission id) is completed in the
 * store. The same notice twice changes nothing: a record, once ended, stays as it ended.
 */
final class Webhooks {
    private final EngineContext ctx;
    private final JobTable table;
    private final JobOutcomes outcomes;
    private final Consumer<JobTracker> pollSoon;
    private final Consumer<JobTracker> follow;

    Webhooks(EngineContext ctx, JobTable table, JobOutcomes outcomes, Consumer<JobTracker> pollSoon,
             Consumer<JobTracker> follow) {
        this.ctx = ctx;
        this.table = table;
        this.outcomes = outcomes;
        this.pollSoon = pollSoon;
        this.follow = follow;
    }

    void onWebhook(WebhookEvent event) {
        JobTracker t = table.byNativeId(event.providerId(), event.nativeJobId());
        if (t == null) t = fromStore(event).orElse(null);
        if (t == null) return;
        if (completesNow(event, t.request == null ? 1 : t.request.resultCount())) {
            outcomes.observe(t, event.status());
            outcomes.complete(t, new ProviderOutput(event.videos(), event.cost().amount().orElse(null)));
        } else if (event.status().state().isTerminal() || !event.videos().isEmpty()) {
            // A failure notice, or a partial result: a poll at once decides, with the provider's full answer.
            pollSoon.accept(t);
        }
    }

    // Runware calls once per finished video: complete only when every asked-for video is in.
    private static boolean completesNow(WebhookEvent event, int expectedVideos) {
        return event.status().state() == JobState.SUCCEEDED && event.videos().size() >= expectedVideos;
    }

    /**
     * The job of a notice this client does not follow, from its record: found by the provider's job id, or by the
     * submission id the notice carries (a submit whose answer was lost). Empty when no live record names it.
     */
    private Optional<JobTracker> fromStore(WebhookEvent event) {
        Optional<JobRecord> byVendorId = find(() -> ctx.store().findByNativeJobId(event.providerId(), event.nativeJobId()));
        Optional<JobRecord> record = byVendorId.isPresent() ? byVendorId : event.submissionId()
                .flatMap(s -> find(() -> ctx.store().findBySubmissionId(event.providerId(), s)));
        if (record.isEmpty() || record.get().state().isTerminal()) return Optional.empty();
        JobRecord r = record.get();
        JobTracker t = ctx.trackerOf(r, JobId.of(r.providerId(), r.model(), event.nativeJobId()),
                dev.videogen4j.observation.JobObservation.NONE);
        if (t == null) return Optional.empty();
        // Anything but the complete result: follow it here until a poll decides how it ends.
        if (!completesNow(event, r.request().resultCount())) {
            table.remember(t);
            follow.accept(t);
        }
        return Optional.of(t);
    }

    private static Optional<JobRecord> find(java.util.function.Supplier<Optional<JobRecord>> lookup) {
        try {
            return lookup.get();
        } catch (RuntimeException storeDown) {
            return Optional.empty();
        }
    }
}
