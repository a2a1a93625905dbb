package dev.videogen4j.spi;

import dev.videogen4j.JobId;
import java.util.List;
import java.util.Map;

/**
 * Optional: a provider that can poll many jobs in one HTTP request (Runware: several getResponse tasks in one
 * array). Core uses it, when enabled, to poll every due job of the provider at once.
 *
 * <pre>{@code
 * Map<JobId, JobUpdate> updates = ((BatchPoller) provider).pollAll(dueJobs);
 * }</pre>
 */
public interface BatchPoller {
    /** One update per job asked for; a job the provider did not answer for is absent from the map. */
    Map<JobId, JobUpdate> pollAll(List<JobId> ids);
}
