package dev.videogen4j.cli;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Shows a waiting job on stderr: every status change with the queue position and the time since the command
 * started, retries, and a heartbeat line when nothing was printed for {@link #HEARTBEAT}.
 *
 * <pre>{@code
 * [  0.0s] submitted to runware klingai:6@0 (job runware:klingai:6@0:...)
 * [  0.0s] QUEUED (position 0)
 * [  0.3s] RUNNING
 * [  5.0s] still RUNNING
 * }</pre>
 *
 * <p>{@link #labelled} names each job's provider and model on its lines, for commands that wait for several at once:
 * {@code [  0.3s] fal fal-ai/kling-video/...: RUNNING}.
 */
final class ProgressListener implements VideoJobListener {
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration CHECK = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final Clock clock;
    private final Instant start;
    private final ScheduledFuture<?> heartbeat;
    private final boolean labelled;
    // the jobs still waiting, in the order they were submitted, with their last status
    private final Map<JobId, JobStatus> waiting = new LinkedHashMap<>();
    private Instant lastPrinted;

    ProgressListener(PrintWriter err, Clock clock, ScheduledExecutorService scheduler) {
        this(err, clock, scheduler, false);
    }

    /** Lines that name each job's provider and model, for several jobs at once. */
    static ProgressListener labelled(PrintWriter err, Clock clock, ScheduledExecutorService scheduler) {
        return new ProgressListener(err, clock, scheduler, true);
    }

    private ProgressListener(PrintWriter err, Clock clock, ScheduledExecutorService scheduler, boolean labelled) {
        this.err = err;
        this.labelled = labelled;
        this.clock = clock;
        this.start = clock.instant();
        this.lastPrinted = start;
        this.heartbeat = scheduler.scheduleAtFixedRate(this::beat, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onSubmitted(VideoJob job) {
        print("submitted to " + job.providerId() + " " + job.model() + " (job " + job.jobId() + ")");
    }

    @Override
    public synchronized void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
        if (to.state().isTerminal()) waiting.remove(id);
        else waiting.put(id, to);
        print(label(id) + to);
    }

    @Override
    public void onRetry(String provider, dev.videogen4j.spi.Operation operation, int attempt, Throwable cause, Duration wait) {
        print(provider + " " + operation.label() + " attempt " + attempt + " failed (" + Format.oneLine(cause.getMessage())
                + "), retrying in " + Format.seconds(wait));
    }

    @Override
    public void onCircuitStateChanged(String provider, dev.videogen4j.observation.CircuitState from,
                                              dev.videogen4j.observation.CircuitState to) {
        print(provider + " circuit " + from + " -> " + to);
    }

    void stop() {
        heartbeat.cancel(false);
    }

    private synchronized void beat() {
        if (waiting.isEmpty() || Duration.between(lastPrinted, clock.instant()).compareTo(HEARTBEAT) < 0) return;
        print("still " + waiting.entrySet().stream().map(e -> label(e.getKey()) + e.getValue())
                .collect(Collectors.joining(", ")));
    }

    private String label(JobId id) {
        return labelled ? id.providerId() + " " + id.model() + ": " : "";
    }

    private synchronized void print(String line) {
        lastPrinted = clock.instant();
        double elapsed = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        err.println(String.format(java.util.Locale.ROOT, "[%6.1fs] %s", elapsed, line));
        err.flush();
    }
}
