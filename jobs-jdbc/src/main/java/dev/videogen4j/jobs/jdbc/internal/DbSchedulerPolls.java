package dev.videogen4j.jobs.jdbc.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.videogen4j.jobs.JobPollHandler;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.jobs.JobStore;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Polls as db-scheduler tasks: one task instance per live job (its id is the record id), in table
 * {@code videogen4j_scheduled_tasks}. db-scheduler picks a due task on one instance only (PostgreSQL: {@code
 * SELECT ... FOR UPDATE SKIP LOCKED}; elsewhere an optimistic version update), keeps it picked while it runs, and
 * revives a task whose instance stopped sending heartbeats. Each run asks the engine's {@link JobPollHandler} for one
 * poll ({@link JobPollHandler#pollAsync}); when it is answered, the task is rescheduled at the next poll time or
 * removed when the job needs no more polls. The worker thread does not wait for the answer ({@link PollsInFlight}).
 *
 * <pre>{@code
 * DbSchedulerPolls polls = new DbSchedulerPolls(dataSource, Dialect.POSTGRESQL, settings, store, rows);
 * polls.start(handler);                                 // the engine does this when the client is built
 * polls.schedule(recordId, Instant.now().plusSeconds(2));
 * }</pre>
 */
public final class DbSchedulerPolls implements JobPollScheduler {
    static final String TASK = "videogen4j-poll";
    static final String TABLE = "videogen4j_scheduled_tasks";
    static final String SWEEP = "videogen4j-orphaned-submits";
    // How often a schedule or cancel that lost a race with another writer of the same task reads it again.
    private static final int VERSION_RACE_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final WorkerSettings settings;
    private final CustomTask<Void> task;
    private final RecurringTask<Void> sweep;
    private volatile JobPollHandler handler;
    private volatile Scheduler scheduler;
    private volatile EndNotices notices;
    private volatile PollsInFlight inFlight;
    private boolean stopped;

    public DbSchedulerPolls(DataSource dataSource, Dialect dialect, WorkerSettings settings, JobStore store,
                            JobRows rows) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        this.dialect = Objects.requireNonNull(dialect, "dialect == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        // A poll that throws (the store unreachable, a bug) is tried again later, never dropped: the job stays live.
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.retryAfterFailure()))
                .onDeadExecutionRevive()
                .execute(this::run);
        OrphanedSubmits orphans = new OrphanedSubmits(store, rows, settings.orphanAfter());
        // One instance at a time looks for submits whose instance died; their records go to the polls.
        this.sweep = Tasks.recurring(SWEEP, FixedDelay.of(settings.orphanAfter().dividedBy(2)))
                .execute((instance, context) -> orphans.settle(Instant.now()).forEach(id -> schedule(id, Instant.now())));
    }

    // The worker thread reads the record and sends the poll; the vendor's answer finishes the task (PollsInFlight).
    private CompletionHandler<Void> run(TaskInstance<Void> instance, ExecutionContext context) {
        return inFlight.completion(instance.getId(), handler.pollAsync(instance.getId()));
    }

    @Override
    public synchronized void start(JobPollHandler pollHandler) {
        if (scheduler != null) {
            throw new IllegalStateException("polls already started");
        }
        this.handler = Objects.requireNonNull(pollHandler, "pollHandler == null");
        this.inFlight = new PollsInFlight(dataSource, TABLE, settings);
        SchedulerBuilder builder = Scheduler.create(dataSource, task)
                .startTasks(sweep)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(settings.instanceId()))
                .threads(settings.threads())
                .pollingInterval(settings.checkInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                .failureLogging(LogLevel.WARN, true);
        if (dialect == Dialect.POSTGRESQL) {
            // One statement picks a batch of due polls (UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING) and no
            // instance tries a poll another picked: the default fetch-then-lock read the due polls, lost 40% of its
            // lock attempts to the other instance in B5, and read each won poll again (5.9 statements per poll run).
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        Scheduler started = builder.build();
        started.start();
        this.scheduler = started;
        if (dialect == Dialect.POSTGRESQL) {
            EndNotices listener = new EndNotices(dataSource, () -> handler, settings.retryAfterFailure());
            listener.start();
            this.notices = listener;
        }
    }

    /** True while this instance listens for the ends every instance announces (PostgreSQL). */
    @Override
    public boolean reportsEnds() {
        EndNotices listener = notices;
        return listener != null && listener.listening();
    }

    @Override
    public void schedule(String recordId, Instant due) {
        TaskInstance<Void> instance = task.instance(recordId);
        for (int attempt = 1; ; attempt++) {
            try {
                client().schedule(instance, due, ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
                return;
            } catch (TaskInstanceCurrentlyExecutingException running) {
                return;   // an instance is polling the job right now; it reschedules the task from what it found
            } catch (TaskInstanceNotFoundException gone) {
                return;   // the poll that was running removed it in between: the job ended
            } catch (ExecutionException changedMeanwhile) {
                // The task changed between db-scheduler's read and its versioned update (a worker picked it, another
                // instance rescheduled it): read it again. `await` reached users as this raw exception before.
                if (attempt == VERSION_RACE_ATTEMPTS) return;   // still contended: someone is polling it
            }
        }
    }

    @Override
    public void unschedule(String recordId) {
        for (int attempt = 1; ; attempt++) {
            try {
                client().cancel(task.instance(recordId));
                return;
            } catch (TaskInstanceNotFoundException gone) {
                return;   // never scheduled, or already removed
            } catch (TaskInstanceCurrentlyExecutingException running) {
                return;   // the running poll reads the ended record and removes its task itself
            } catch (ExecutionException changedMeanwhile) {
                if (attempt == VERSION_RACE_ATTEMPTS) return;   // its next run reads the ended record and removes it
            }
        }
    }

    private Scheduler client() {
        Scheduler current = scheduler;
        if (current == null) {
            throw new IllegalStateException("polls not started: the client starts them when it is built");
        }
        return current;
    }

    @Override
    public synchronized void stop() {
        Scheduler current = scheduler;
        if (current != null && !stopped) {
            stopped = true;
            EndNotices listener = notices;
            if (listener != null) listener.stop();
            current.stop(); // waits for running polls (shutdownWait); their tasks stay for the other instances
            inFlight.handBack(settings.shutdownWait());
        }
    }
}
