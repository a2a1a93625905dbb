package dev.videogen4j.jobs;

import dev.videogen4j.error.JobStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default {@link JobStore}: records in this process's memory. Jobs live as long as the process; use a durable
 * store to survive a restart or to share jobs between instances. Live records are always kept; of the ended
 * ones, the most recent {@code maxEnded} are kept (10,000 by default), so a long-running application does not
 * grow without bound, and {@link #spend} covers only those.
 *
 * <pre>{@code
 * JobStore store = new InMemoryJobStore();
 * VideoClient client = VideoClient.builder().jobStore(store).build();
 * }</pre>
 */
public final class InMemoryJobStore implements JobStore {
    private final int maxEnded;
    private final Map<String, JobRecord> records = new HashMap<>();
    private final Map<Key, String> bySubmission = new HashMap<>();
    private final Map<Key, String> byVendorId = new HashMap<>();
    // Ended records in the order they ended: the oldest goes first when there are too many.
    private final LinkedHashSet<String> ended = new LinkedHashSet<>();

    public InMemoryJobStore() {
        this(10_000);
    }

    /** @param maxEnded how many ended records to keep, at least 1 */
    public InMemoryJobStore(int maxEnded) {
        if (maxEnded < 1) throw new IllegalArgumentException("maxEnded < 1: " + maxEnded);
        this.maxEnded = maxEnded;
    }

    @Override
    public synchronized void insert(JobRecord record) {
        if (records.containsKey(record.id())) {
            throw new JobStoreException("Job record " + record.id() + " already exists");
        }
        Key submission = new Key(record.providerId(), record.submissionId());
        if (bySubmission.containsKey(submission)) {
            throw new JobStoreException("A job record with submission id " + record.submissionId() + " exists");
        }
        put(record);
    }

    @Override
    public synchronized Optional<JobRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Optional<JobRecord> update(JobRecord changed) {
        JobRecord current = records.get(changed.id());
        if (current == null || current.version() != changed.version()) return Optional.empty();
        JobRecord stored = changed.nextVersion();
        put(stored, current);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<JobRecord> findBySubmissionId(String provider, String submissionId) {
        return Optional.ofNullable(bySubmission.get(new Key(provider, submissionId))).map(records::get);
    }

    @Override
    public synchronized Optional<JobRecord> findByNativeJobId(String provider, String nativeJobId) {
        return Optional.ofNullable(byVendorId.get(new Key(provider, nativeJobId))).map(records::get);
    }

    @Override
    public synchronized List<JobRecord> findByState(Set<RecordState> states, int limit) {
        return records.values().stream().filter(r -> states.contains(r.state()))
                .sorted(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<SpendTotal> spend(Instant from, Instant to) {
        return SpendTotal.of(new ArrayList<>(records.values()), from, to);
    }

    private void put(JobRecord r) {
        put(r, null);
    }

    // An update rarely changes the ids the indexes hold: they are written again only when they do (a job's record
    // is updated several times, and each key would be a new string hashed into a large map).
    private void put(JobRecord r, JobRecord before) {
        records.put(r.id(), r);
        if (before == null || !before.submissionId().equals(r.submissionId())
                || !before.providerId().equals(r.providerId())) {
            bySubmission.put(new Key(r.providerId(), r.submissionId()), r.id());
        }
        if (r.nativeJobId() != null && (before == null || !r.nativeJobId().equals(before.nativeJobId())
                || !before.providerId().equals(r.providerId()))) {
            byVendorId.put(new Key(r.providerId(), r.nativeJobId()), r.id());
        }
        if (r.state().isTerminal() && ended.add(r.id()) && ended.size() > maxEnded) {
            String oldest = ended.iterator().next();
            ended.remove(oldest);
            JobRecord gone = records.remove(oldest);
            bySubmission.remove(new Key(gone.providerId(), gone.submissionId()));
            if (gone.nativeJobId() != null) byVendorId.remove(new Key(gone.providerId(), gone.nativeJobId()));
        }
    }

    // A pair, not the two ids joined into a new string: each lookup and put made a string of ~90 bytes (5 per job
    // in B1 once the store is full and ends are evicted), a pair is 24 and hashes the ids' cached hashes.
    private record Key(String provider, String id) {
    }
}
