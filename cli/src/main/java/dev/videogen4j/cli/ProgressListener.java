package dev.videogen4j.cli;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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
 */
final class ProgressListener implements VideoJobListener {
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration CHECK = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final Clock clock;
    private final Instant start;
    private final ScheduledFuture<?> heartbeat;
    private volatile JobStatus last;
    private Instant lastPrinted;

    ProgressListener(PrintWriter err, Clock clock, ScheduledExecutorService scheduler) {
        this.err = err;
        this.clock = clock;
        this.start = clock.instant();
        this.lastPrinted = start;
        this.heartbeat = scheduler.scheduleAtFixedRate(this::beat, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onSubmitted(VideoJob job) {
        print("submitted to " + job.provider() + " " + job.model() + " (job " + job.id() + ")");
    }

    @Override
    public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
        last = to;
        print(to.toString());
        if (to.state().isTerminal()) stop();
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
        JobStatus s = last;
        if (s == null || s.state().isTerminal() || Duration.between(lastPrinted, clock.instant()).compareTo(HEARTBEAT) < 0) return;
        print("still " + s);
    }

    private synchronized void print(String line) {
        lastPrinted = clock.instant();
        double elapsed = Duration.between(start, clock.instant()).toMillis() / 1000.0;
        err.println(String.format(java.util.Locale.ROOT, "[%6.1fs] %s", elapsed, line));
        err.flush();
    }
}
