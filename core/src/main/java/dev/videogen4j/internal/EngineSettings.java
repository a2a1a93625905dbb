package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The engine's settings, fixed when the client is built: nothing changes them afterwards.
 *
 * @param poll               the poll backoff
 * @param cancelOnTimeout    cancel a job at its provider when an await of it times out
 * @param webhookSafetyPoll  how often jobs with a webhook URL are polled, or null to poll them like any other
 * @param followAfterTimeout how long a job whose awaits all timed out is still followed before it is released
 * @param batches            per provider id, how its polls and submits are batched
 * @param instanceId         this client's name in job records
 * @param webhookUrls        per provider id, the webhook URL of a request that names none
 * @param adaptivePolls      aim polls at the end learned from earlier jobs of the model ({@link PollSchedule})
 * @param statusStreams      how many jobs may be followed on a provider's status stream at once (0: none)
 * @param scoutLoneJobs      a model's first job scouts even alone (the poll schedule was not configured)
 */
public record EngineSettings(PollSettings poll, boolean cancelOnTimeout, Duration webhookSafetyPoll,
                             Duration followAfterTimeout, Map<String, Batch> batches, String instanceId,
                             Map<String, String> webhookUrls, boolean adaptivePolls, int statusStreams,
                             boolean scoutLoneJobs) {
    public EngineSettings {
        Objects.requireNonNull(poll, "poll == null");
        Objects.requireNonNull(followAfterTimeout, "followAfterTimeout == null");
        Objects.requireNonNull(instanceId, "instanceId == null");
        batches = Map.copyOf(batches);
        webhookUrls = Map.copyOf(webhookUrls);
        if (statusStreams < 0) throw new IllegalArgumentException("statusStreams < 0: " + statusStreams);
    }

    /** Batching for one provider: how long due calls gather, how many go in one request, and which calls. */
    public record Batch(Duration window, int max, boolean polls, boolean submits) {
    }
}
