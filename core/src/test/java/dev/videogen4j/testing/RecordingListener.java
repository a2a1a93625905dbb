package dev.videogen4j.testing;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.VideoGenException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records listener events as short lines, stamped with the virtual time in milliseconds, so a test can assert
 * the exact sequence: {@code "0 submitted job-1"}, {@code "2000 QUEUED -> RUNNING"}, {@code "500 retry acme submit #1 wait 500"}.
 */
public final class RecordingListener implements VideoJobListener {
    private final Clock clock;
    private final long startMillis;
    private final List<String> events = new ArrayList<>();

    public RecordingListener(Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Only the events whose text contains {@code part}. */
    public synchronized List<String> events(String part) {
        return events.stream().filter(e -> e.contains(part)).collect(Collectors.toList());
    }

    private synchronized void add(String event) {
        events.add((clock.millis() - startMillis) + " " + event);
    }

    @Override
    public void onSubmitted(VideoJob job) {
        add("submitted " + job.jobId().nativeJobId() + " to " + job.providerId());
    }

    @Override
    public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
        add((from == null ? "-" : from.toString()) + " -> " + to);
    }

    @Override
    public void onRetry(String provider, dev.videogen4j.spi.Operation operation, int attempt, Throwable cause, Duration wait) {
        add("retry " + provider + " " + operation.label() + " #" + attempt + " wait " + wait.toMillis());
    }

    @Override
    public void onCircuitStateChanged(String provider, dev.videogen4j.observation.CircuitState from,
                                              dev.videogen4j.observation.CircuitState to) {
        add("circuit " + provider + " " + from + " -> " + to);
    }

    @Override
    public void onCompleted(VideoResult result) {
        add("completed " + result.jobId().nativeJobId() + " " + result.cost());
    }

    @Override
    public void onFailed(JobId id, VideoGenException error) {
        add("failed " + id.nativeJobId() + " " + error.getClass().getSimpleName());
    }
}
