package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.error.JobStoreException;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRecordJson;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.jobs.SpendTotal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The SQL of the job table: one statement per store operation, each on its own auto-commit connection. A record is
 * written whole as JSON with copies of its queried fields; an update is a compare-and-set on {@code version}.
 *
 * <pre>{@code
 * JobRows rows = new JobRows(dataSource, true);             // PostgreSQL: ends announced
 * rows.insert(record);
 * Optional<JobRecord> stored = rows.update(record.toBuilder().state(RecordState.SUBMITTING).build());
 * }</pre>
 */
public final class JobRows {
    private static final String COLUMNS = "provider, model, submission_id, vendor_job_id, state, quoted_cost, "
            + "actual_cost, may_be_billed, created_at, updated_at, owner, version, record";
    private static final String UNIQUE_VIOLATION = "23505"; // SQLSTATE, the same on PostgreSQL and H2

    /** The PostgreSQL channel on which every stored end of a job is announced, its record id as the payload. */
    public static final String ENDS_CHANNEL = "videogen4j_job_ended";
    private static final String UPDATE = "UPDATE videogen4j_jobs SET provider = ?, model = ?, "
            + "submission_id = ?, vendor_job_id = ?, state = ?, quoted_cost = ?, actual_cost = ?, "
            + "may_be_billed = ?, created_at = ?, updated_at = ?, owner = ?, version = ?, record = ? "
            + "WHERE id = ? AND version = ?";

    private final DataSource dataSource;
    private final boolean announceEnds;

    /** {@code announceEnds}: a write that ends a job also notifies {@link #ENDS_CHANNEL} (PostgreSQL only). */
    public JobRows(DataSource dataSource, boolean announceEnds) {
        this.dataSource = dataSource;
        this.announceEnds = announceEnds;
    }

    public void insert(JobRecord r) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO videogen4j_jobs (" + COLUMNS + ", id) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(s, r);
            s.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new JobStoreException("Job record " + r.id() + " or its submission id " + r.submissionId()
                        + " already exists", e);
            }
            throw failure("insert job record " + r.id(), e);
        }
    }

    /**
     * Writes {@code changed} as version + 1 if the row still has {@code changed.version()}. An end is announced in
     * the same statement, so in the same transaction: listeners hear of it exactly when it is committed.
     */
    public Optional<JobRecord> update(JobRecord changed) {
        JobRecord next = changed.toBuilder().version(changed.version() + 1).build();
        boolean announce = announceEnds && next.state().isTerminal();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(announce ? "WITH u AS (" + UPDATE + " RETURNING id) "
                     + "SELECT pg_notify('" + ENDS_CHANNEL + "', id) FROM u" : UPDATE)) {
            bind(s, next);
            s.setLong(15, changed.version());
            if (!announce) return s.executeUpdate() == 1 ? Optional.of(next) : Optional.empty();
            try (ResultSet written = s.executeQuery()) {
                return written.next() ? Optional.of(next) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("update job record " + changed.id(), e);
        }
    }

    public Optional<JobRecord> one(String where, String... values) {
        List<JobRecord> found = list(where + " ORDER BY created_at DESC, id", 1, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<JobRecord> inStates(Set<RecordState> states, int limit) {
        if (states.isEmpty() || limit <= 0) {
            return List.of();
        }
        String marks = states.stream().map(s -> "?").collect(Collectors.joining(", "));
        return list("state IN (" + marks + ") ORDER BY created_at, id", limit,
                states.stream().map(Enum::name).sorted().toArray(String[]::new));
    }

    private List<JobRecord> list(String whereAndOrder, int limit, String... values) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT record FROM videogen4j_jobs WHERE " + whereAndOrder
                     + " LIMIT " + limit)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            List<JobRecord> records = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    records.add(JobRecordJson.read(rows.getString(1)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw failure("read job records", e);
        }
    }

    /**
     * Ids of live records with a vendor job id, unchanged since {@code before}, that have no poll task: an instance
     * died between storing the vendor's acceptance and scheduling the job's first poll.
     */
    public List<String> unpolled(Instant before, String pollTask, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT j.id FROM videogen4j_jobs j "
                     + "WHERE j.state IN ('ACCEPTED', 'RUNNING', 'UNCERTAIN') AND j.vendor_job_id IS NOT NULL "
                     + "AND j.updated_at < ? AND NOT EXISTS (SELECT 1 FROM videogen4j_scheduled_tasks t "
                     + "WHERE t.task_name = ? AND t.task_instance = j.id) ORDER BY j.created_at LIMIT " + limit)) {
            s.setObject(1, time(before));
            s.setString(2, pollTask);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("find live jobs without a poll", e);
        }
    }

    /**
     * The spend rule of {@link SpendTotal#of} computed in the database: only billable rows of the period are read,
     * and they are summed per provider and model there; the order is Java's, whatever the database's collation.
     */
    public List<SpendTotal> spend(Instant from, Instant to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT provider, model, COUNT(*), "
                     + "COALESCE(SUM(quoted_cost), 0), COALESCE(SUM(actual_cost), 0), "
                     + "SUM(CASE WHEN quoted_cost IS NULL THEN 1 ELSE 0 END), "
                     + "SUM(CASE WHEN actual_cost IS NULL THEN 1 ELSE 0 END) FROM videogen4j_jobs "
                     + "WHERE may_be_billed AND created_at >= ? AND created_at < ? GROUP BY provider, model")) {
            s.setObject(1, time(from));
            s.setObject(2, time(to));
            List<SpendTotal> totals = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    totals.add(new SpendTotal(rows.getString(1), rows.getString(2), rows.getInt(3),
                            rows.getBigDecimal(4).stripTrailingZeros(), rows.getBigDecimal(5).stripTrailingZeros(),
                            rows.getInt(6), rows.getInt(7)));
                }
            }
            totals.sort((a, b) -> (a.providerId() + '\n' + a.model()).compareTo(b.providerId() + '\n' + b.model()));
            return totals;
        } catch (SQLException e) {
            throw failure("total the spend", e);
        }
    }

    private static void bind(PreparedStatement s, JobRecord r) throws SQLException {
        s.setString(1, r.providerId());
        s.setString(2, r.model());
        s.setString(3, r.submissionId());
        s.setString(4, r.nativeJobId());
        s.setString(5, r.state().name());
        s.setBigDecimal(6, r.quotedCost());
        s.setBigDecimal(7, r.actualCost().amount().orElse(null));
        s.setBoolean(8, r.mayBeBilled());
        s.setObject(9, time(r.createdAt()));
        s.setObject(10, time(r.updatedAt()));
        s.setString(11, r.owner());
        s.setLong(12, r.version());
        s.setString(13, JobRecordJson.write(r));
        s.setString(14, r.id());
    }

    private static OffsetDateTime time(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static JobStoreException failure(String what, SQLException e) {
        return new JobStoreException("cannot " + what + " in the job store: " + e.getMessage(), e);
    }
}
