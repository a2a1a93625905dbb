package dev.videogen4j.jobs.jdbc;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.SpendTotal;
import dev.videogen4j.jobs.jdbc.internal.DbSchedulerPolls;
import dev.videogen4j.jobs.jdbc.internal.Dialect;
import dev.videogen4j.jobs.jdbc.internal.JobRows;
import dev.videogen4j.jobs.jdbc.internal.SchemaMigrator;
import dev.videogen4j.jobs.jdbc.internal.UrlDataSource;
import dev.videogen4j.jobs.jdbc.internal.WorkerSettings;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A durable {@link JobStore} in PostgreSQL or H2 over plain JDBC, shared by every instance of an application: each job
 * record is a row of {@code videogen4j_jobs}, written before the submit is sent and updated with an optimistic version
 * check; the polls of live jobs are db-scheduler tasks in {@code videogen4j_scheduled_tasks}, each run by exactly one
 * instance at a time and revived by another when its instance dies. The tables are created (or upgraded) when the
 * store is created.
 *
 * <pre>{@code
 * // an application with its own connection pool
 * JobStore store = JdbcJobStore.create(dataSource);
 * VideoClient client = VideoClient.builder().fromEnvironment().jobStore(store).build();
 *
 * // or by configuration alone: VIDEOGEN4J_JOB_STORE=jdbc:postgresql://db:5432/app (+ _USER, _PASSWORD)
 * JdbcJobStore own = JdbcJobStore.builder("jdbc:h2:./jobs", "sa", "").instanceId("worker-1").pollThreads(4).build();
 * }</pre>
 *
 * <p>A store made from a URL owns its connections and closes them in {@link #close()}; a store made from a
 * {@link DataSource} leaves the data source to its owner.
 */
public final class JdbcJobStore implements JobStore {
    private final JobRows rows;
    private final Dialect dialect;
    private final DbSchedulerPolls polls;
    private final AutoCloseable ownedConnections;

    private JdbcJobStore(DataSource dataSource, WorkerSettings worker, AutoCloseable ownedConnections) {
        this.dialect = SchemaMigrator.migrate(dataSource);
        this.rows = new JobRows(dataSource, dialect == Dialect.POSTGRESQL);
        this.polls = new DbSchedulerPolls(dataSource, dialect, worker, this, rows);
        this.ownedConnections = ownedConnections;
    }

    /** A store on the application's own pool, with the default worker settings. */
    public static JdbcJobStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource == null"), null, null, null);
    }

    /** A store that opens its own pooled connections to {@code url}; {@code user} and {@code password} may be null. */
    public static Builder builder(String url, String user, String password) {
        return new Builder(null, Objects.requireNonNull(url, "url == null"), user, password);
    }

    /** PostgreSQL or H2. */
    public String databaseKind() {
        return dialect.name();
    }

    @Override public void insert(JobRecord record) { rows.insert(Objects.requireNonNull(record, "record == null")); }

    @Override public Optional<JobRecord> get(String id) { return rows.one("id = ?", id); }

    @Override public Optional<JobRecord> update(JobRecord changed) { return rows.update(changed); }

    @Override
    public Optional<JobRecord> findBySubmissionId(String provider, String submissionId) {
        return rows.one("provider = ? AND submission_id = ?", provider, submissionId);
    }

    @Override
    public Optional<JobRecord> findByNativeJobId(String provider, String nativeJobId) {
        return rows.one("provider = ? AND vendor_job_id = ?", provider, nativeJobId);
    }

    @Override public List<JobRecord> findByState(Set<RecordState> states, int limit) { return rows.inStates(states, limit); }

    @Override public List<SpendTotal> spend(Instant from, Instant to) { return rows.spend(from, to); }

    /** Polls run as db-scheduler tasks shared by every instance on this database. */
    @Override
    public Optional<JobPollScheduler> pollScheduler() {
        return Optional.of(polls);
    }

    /** Stops this instance's polls (their tasks stay for the other instances) and closes connections it opened. */
    @Override
    public void close() {
        polls.stop();
        if (ownedConnections != null) {
            try {
                ownedConnections.close();
            } catch (Exception e) {
                // closing idle connections: nothing useful to report
            }
        }
    }

    /**
     * Settings of a {@link JdbcJobStore}; every one has a default.
     *
     * <pre>{@code
     * JdbcJobStore store = JdbcJobStore.builder(dataSource).instanceId("api-7").pollThreads(8)
     *         .checkInterval(Duration.ofMillis(500)).heartbeat(Duration.ofSeconds(5), 6).build();
     * }</pre>
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final String url;
        private final String user;
        private final String password;
        private String instanceId = defaultInstanceId();
        private int threads = 10;
        private Duration checkInterval = Duration.ofMillis(500);
        private Duration heartbeat = Duration.ofSeconds(5);
        private int missedHeartbeats = 6;
        private Duration retryAfterFailure = Duration.ofSeconds(5);
        private Duration shutdownWait = Duration.ofSeconds(10);
        private Duration orphanAfter = Duration.ofMinutes(2);
        private int poolSize;

        private Builder(DataSource dataSource, String url, String user, String password) {
            this.dataSource = dataSource;
            this.url = url;
            this.user = user;
            this.password = password;
        }

        /** This instance's name among those sharing the database (default: host name and process id). */
        public Builder instanceId(String id) { this.instanceId = Objects.requireNonNull(id, "id == null"); return this; }

        /** Polls this instance runs at once (default 10). */
        public Builder pollThreads(int threads) { this.threads = threads; return this; }

        /** How often this instance looks for due polls (default 500 ms): the most a due poll waits. */
        public Builder checkInterval(Duration interval) { this.checkInterval = interval; return this; }

        /**
         * How often a running poll is marked alive (default 5 s), and after how many missed marks (default 6) another
         * instance takes the poll over: a crashed instance's polls resume after {@code interval × missed}.
         */
        public Builder heartbeat(Duration interval, int missed) {
            this.heartbeat = interval;
            this.missedHeartbeats = missed;
            return this;
        }

        /** When a poll that threw is run again (default 5 s). */
        public Builder retryAfterFailure(Duration delay) { this.retryAfterFailure = delay; return this; }

        /** How long {@link JdbcJobStore#close()} waits for running polls (default 10 s). */
        public Builder shutdownWait(Duration wait) { this.shutdownWait = wait; return this; }

        /**
         * A submit whose record has not moved for this long (default 2 minutes, well beyond a submit's retries) is
         * taken for one whose instance died before the vendor answered: its record becomes UNCERTAIN and is polled
         * (Runware: by its taskUUID) or waits for its webhook (fal).
         */
        public Builder orphanAfter(Duration after) { this.orphanAfter = after; return this; }

        /** Connections a URL-configured store opens at most (default: poll threads + 8). */
        public Builder poolSize(int size) { this.poolSize = size; return this; }

        /** Connects, creates or upgrades the tables, and returns the store; polls start when a client uses it. */
        public JdbcJobStore build() {
            WorkerSettings worker;
            try {
                worker = new WorkerSettings(instanceId, threads, checkInterval, heartbeat, missedHeartbeats,
                        retryAfterFailure, shutdownWait, orphanAfter);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConfigurationException("job store worker settings: " + e.getMessage(), e);
            }
            if (dataSource != null) {
                return new JdbcJobStore(dataSource, worker, null);
            }
            UrlDataSource own = new UrlDataSource(url, user, password, poolSize > 0 ? poolSize : threads + 8);
            try {
                return new JdbcJobStore(own, worker, own);
            } catch (RuntimeException e) {
                own.close();
                throw e;
            }
        }

        private static String defaultInstanceId() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "host";
            }
            String id = host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
            return id.length() > 100 ? id.substring(id.length() - 100) : id;
        }
    }
}
