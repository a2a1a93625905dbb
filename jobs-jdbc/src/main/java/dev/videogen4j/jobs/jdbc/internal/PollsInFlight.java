package dev.videogen4j.jobs.jdbc.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll tasks whose vendor call is still out after their db-scheduler execution returned, so that a worker thread is
 * not held for an HTTP answer (B5: 20 threads each holding a poll for 50 ms drained 10,000 due polls in tens of
 * seconds). The task stays picked by this instance until the answer comes; then it is rescheduled or removed through
 * db-scheduler's own operations, with its versioned update, exactly as if the execution had just returned. While it
 * is out its heartbeat is kept here; if this instance dies, the missed heartbeats revive it on another instance, as
 * for any poll that was running. When the instance stops, {@link #handBack} waits for the answers, as db-scheduler
 * waits for running executions, and makes the polls still out due at once.
 *
 * <pre>{@code
 * PollsInFlight out = new PollsInFlight(dataSource, "videogen4j_scheduled_tasks", settings);
 * CompletionHandler<Void> done = out.completion(recordId, handler.pollAsync(recordId));   // returned by execute
 * }</pre>
 */
final class PollsInFlight {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");

    private record Out(ExecutionComplete complete, ExecutionOperations<Void> operations, long since) {
    }

    private final Map<String, Out> out = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final String table;
    private final WorkerSettings settings;
    private final ScheduledExecutorService beats;

    PollsInFlight(DataSource dataSource, String table, WorkerSettings settings) {
        this.dataSource = dataSource;
        this.table = table;
        this.settings = settings;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "videogen4j-poll-heartbeats");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeat().toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** What the execution of {@code taskId} does when it returns: finish now if answered, else when answered. */
    CompletionHandler<Void> completion(String taskId, CompletableFuture<Optional<Instant>> next) {
        return (complete, operations) -> {
            if (next.isDone()) {
                finish(complete, operations, next);   // a failure here goes to db-scheduler's failure handler
                return;
            }
            Out o = new Out(complete, operations, System.nanoTime());
            out.put(taskId, o);
            next.whenComplete((at, e) -> {
                if (!out.remove(taskId, o)) return;   // handed back when the instance stopped
                try {
                    finish(complete, operations, next);
                } catch (RuntimeException failed) {
                    log.warn("poll task {} cannot be rescheduled ({}); another instance revives it after its "
                            + "heartbeats stop", taskId, failed.toString());
                } finally {
                    synchronized (this) {
                        notifyAll();   // handBack may be waiting for the last answers
                    }
                }
            });
        };
    }

    private void finish(ExecutionComplete complete, ExecutionOperations<Void> operations,
                        CompletableFuture<Optional<Instant>> next) {
        Optional<Instant> at;
        try {
            at = next.join();
        } catch (RuntimeException e) {
            at = Optional.of(Instant.now().plus(settings.retryAfterFailure()));   // a paid job is never dropped
        }
        if (at.isPresent()) operations.reschedule(complete, at.get());
        else operations.remove();
    }

    /** Polls out now (for tests and logs). */
    int size() {
        return out.size();
    }

    // The same statement db-scheduler uses for a running execution; the version stays, so finishing still matches.
    private void beat() {
        long old = System.nanoTime() - settings.heartbeat().toNanos() / 2;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE " + table
                + " SET last_heartbeat = ? WHERE task_name = ? AND task_instance = ? AND version = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            int n = 0;
            for (Map.Entry<String, Out> e : out.entrySet()) {
                if (e.getValue().since() - old > 0) continue;
                s.setTimestamp(1, now);
                s.setString(2, e.getValue().complete().getExecution().taskInstance.getTaskName());
                s.setString(3, e.getKey());
                s.setLong(4, e.getValue().complete().getExecution().version);
                s.addBatch();
                n++;
            }
            if (n > 0) s.executeBatch();
        } catch (SQLException | RuntimeException e) {
            log.warn("cannot mark polls in flight alive ({}); another instance may poll them too", e.toString());
        }
    }

    /**
     * The instance stops: the answers of its polls still out are awaited for up to {@code wait} (another instance
     * polling the job meanwhile would be a second poll of it at once); any poll still out then is made due now, for
     * an instance still running.
     */
    void handBack(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            long left;
            while (!out.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        beats.shutdownNow();
        for (String id : out.keySet()) {
            Out o = out.remove(id);
            if (o == null) continue;
            try {
                o.operations().reschedule(o.complete(), Instant.now());
            } catch (RuntimeException e) {
                log.debug("poll task {} not handed back ({}); it is revived after its heartbeats stop", id, e.toString());
            }
        }
    }
}
