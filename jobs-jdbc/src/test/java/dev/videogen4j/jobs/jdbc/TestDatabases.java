package dev.videogen4j.jobs.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the store is tested on: a private in-memory H2 per call, and a private schema on the PostgreSQL
 * server named by {@code VIDEOGEN4J_TEST_POSTGRES_URL} (CI's own cluster, see {@code .ci/postgres.sh}). Without that
 * variable a PostgreSQL test is skipped on a developer's machine and fails in CI.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "VIDEOGEN4J_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    public static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The server's URL, or the test is skipped (developer) / failed (CI) with what to do. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String why = POSTGRES_URL_VARIABLE + " is not set: the PostgreSQL tests need a server. Run `bash .ci/run`"
                    + " (as root: it starts a throwaway cluster) or export " + POSTGRES_URL_VARIABLE
                    + "=jdbc:postgresql://127.0.0.1:5432/DB?user=U&password=P";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return url;
    }

    /** A URL of a new, empty schema on the test server; every connection made with it works in that schema only. */
    public static String newPostgresSchema() {
        String url = postgresUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema at " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static PGSimpleDataSource postgres(String schemaUrl) {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(schemaUrl);
        return postgres;
    }

    /** An instance of the shared store on {@code url}, looking for due polls every {@code checkEvery}. */
    public static JdbcJobStore instance(String url, String id, int threads, java.time.Duration checkEvery) {
        return JdbcJobStore.builder(url, null, null).instanceId(id).pollThreads(threads).checkInterval(checkEvery).build();
    }

    /** Waits for what db-scheduler or a listener does on the real clock, failing after {@code limit}. */
    public static void waitUntil(java.util.function.BooleanSupplier done, java.time.Duration limit, String what)
            throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (java.time.Instant.now().isAfter(deadline)) fail(what + " not reached after " + limit);
            Thread.sleep(20); // the real clock: db-scheduler and the database run on it
        }
    }
}
