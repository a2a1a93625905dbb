package dev.videogen4j.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store that hands every call to another, for tests that change one behaviour. */
class ForwardingStore implements JobStore {
    private final JobStore delegate;

    ForwardingStore(JobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(JobRecord record) {
        delegate.insert(record);
    }

    @Override
    public Optional<JobRecord> get(String id) {
        return delegate.get(id);
    }

    @Override
    public Optional<JobRecord> update(JobRecord changed) {
        return delegate.update(changed);
    }

    @Override
    public Optional<JobRecord> findBySubmissionId(String provider, String submissionId) {
        return delegate.findBySubmissionId(provider, submissionId);
    }

    @Override
    public Optional<JobRecord> findByNativeJobId(String provider, String nativeJobId) {
        return delegate.findByNativeJobId(provider, nativeJobId);
    }

    @Override
    public List<JobRecord> findByState(Set<RecordState> states, int limit) {
        return delegate.findByState(states, limit);
    }

    @Override
    public List<SpendTotal> spend(Instant from, Instant to) {
        return delegate.spend(from, to);
    }
}
