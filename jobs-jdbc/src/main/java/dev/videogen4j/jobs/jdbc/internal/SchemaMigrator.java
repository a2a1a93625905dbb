package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates or upgrades the store's tables from the DDL shipped in this jar. Table {@code videogen4j_schema_version}
 * remembers which migrations ran. Several instances may start at once: on PostgreSQL the whole migration is one
 * transaction holding an exclusive lock on the version table (DDL is transactional there), so one instance migrates and
 * the others then see nothing left to do. H2 is an embedded, one-process database; a JVM-wide lock is enough.
 */
public final class SchemaMigrator {
    /** In order; a released migration is never edited, a change is a new one. */
    static final List<String> MIGRATIONS = List.of("V1__scheduled_tasks", "V2__jobs");
    private static final Object H2_LOCK = new Object();

    private SchemaMigrator() {
    }

    /** Brings the schema up to date and says which dialect the database speaks. */
    public static Dialect migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            if (dialect == Dialect.H2) {
                synchronized (H2_LOCK) {
                    migrate(connection, dialect);
                }
            } else {
                migrate(connection, dialect);
            }
            return dialect;
        } catch (SQLException e) {
            throw new ConfigurationException("cannot create or upgrade the videogen4j job tables: " + e.getMessage()
                    + " (the store's database user needs CREATE on its schema, or run the DDL in "
                    + "videogen4j-jobs-jdbc's dev/videogen4j/jobs/jdbc/schema/ yourself)", e);
        }
    }

    private static void migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS videogen4j_schema_version ("
                    + "version int PRIMARY KEY, name varchar(200) NOT NULL, applied_at timestamp with time zone NOT NULL)");
            if (dialect == Dialect.POSTGRESQL) {
                statement.execute("LOCK TABLE videogen4j_schema_version IN EXCLUSIVE MODE");
            }
            int current = currentVersion(statement);
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                String name = MIGRATIONS.get(version - 1);
                for (String sql : statements(read(dialect.resource(name)))) {
                    statement.execute(sql);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO videogen4j_schema_version (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    insert.setInt(1, version);
                    insert.setString(2, name);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM videogen4j_schema_version")) {
            rows.next();
            int version = rows.getInt(1);
            if (version > MIGRATIONS.size()) {
                throw new ConfigurationException("the videogen4j job tables are at schema version " + version
                        + ", newer than this videogen4j-jobs-jdbc knows (" + MIGRATIONS.size()
                        + "): upgrade videogen4j on this instance");
            }
            return version;
        }
    }

    /** Splits a script at the semicolons that end its lines; comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema resource " + resource, e);
        }
    }
}
