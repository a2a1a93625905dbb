package dev.videogen4j.internal;

import dev.videogen4j.JobId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The jobs this client follows, found by handle or by the provider's job id (what a webhook names), and the last
 * jobs that ended here, so an await that comes after the end still gets the very result its submitter saw.
 */
final class JobTable {
    private final Map<JobId, JobTracker> jobs = new ConcurrentHashMap<>();
    private final Map<String, JobTracker> byNativeId = new ConcurrentHashMap<>();
    private final Map<JobId, JobTracker> ended = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<JobId, JobTracker> eldest) {
                    return size() > 1024;
                }
            });

    JobTracker live(JobId id) {
        return jobs.get(id);
    }

    JobTracker byNativeId(String provider, String nativeId) {
        return byNativeId.get(key(provider, nativeId));
    }

    /** A job that ended here and is not followed again since. */
    JobTracker ended(JobId id) {
        return jobs.containsKey(id) ? null : ended.get(id);
    }

    JobTracker computeIfAbsent(JobId id, Function<JobId, JobTracker> start) {
        return jobs.computeIfAbsent(id, k -> {
            JobTracker t = start.apply(k);
            byNativeId.put(key(k.providerId(), k.nativeJobId()), t);
            return t;
        });
    }

    void remember(JobTracker t) {
        jobs.put(t.id, t);
        byNativeId.put(key(t.id.providerId(), t.id.nativeJobId()), t);
    }

    /**
     * Stops following a job. Only an outcome of the job itself is remembered for later awaits; when following it
     * failed or it was released, awaiting its id again asks the store and the provider again.
     */
    void forget(JobTracker t, boolean remember) {
        if (remember) ended.put(t.id, t);
        jobs.remove(t.id, t);
        byNativeId.remove(key(t.id.providerId(), t.id.nativeJobId()), t);
    }

    List<JobTracker> all() {
        return List.copyOf(jobs.values());
    }

    int size() {
        return jobs.size();
    }

    private static String key(String provider, String nativeId) {
        return provider + '\n' + nativeId;
    }
}
