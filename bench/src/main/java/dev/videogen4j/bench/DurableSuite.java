package dev.videogen4j.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * B5: the same jobs through the PostgreSQL job store shared by two instances (A submits and awaits, B only polls),
 * and through the in-memory store for comparison. PostgreSQL counts the transactions of the run
 * ({@code pg_stat_database.xact_commit}); nearly every statement of the store and of db-scheduler is one.
 *
 * <pre>{@code
 * DurableSuite.Result r = DurableSuite.run(10_000, "jdbc:postgresql://127.0.0.1:5432/bench?user=postgres");
 * }</pre>
 */
final class DurableSuite {
    static final String URL_VARIABLE = "VIDEOGEN4J_BENCH_POSTGRES_URL";

    record Result(ScaleSuite.Run memory, ScaleSuite.Run store, long transactions) {
        double transactionsPerJob() {
            return (double) transactions / Math.max(1, store.result().completed());
        }
    }

    private DurableSuite() {
    }

    /** The server to use: {@value #URL_VARIABLE}, else the tests' {@code VIDEOGEN4J_TEST_POSTGRES_URL}. */
    static String postgresUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null) url = System.getenv("VIDEOGEN4J_TEST_POSTGRES_URL");
        if (url == null) {
            throw new IllegalStateException("B5 needs PostgreSQL: set " + URL_VARIABLE + "=jdbc:postgresql://HOST:PORT/DB"
                    + "?user=U (or run it under `source .ci/postgres.sh`, which starts a throwaway cluster)");
        }
        return url;
    }

    static Result run(Workload w, String serverUrl) throws SQLException {
        ScaleSuite.Run memory = ScaleSuite.videogen4j(w);
        String url = newSchema(serverUrl);
        try (RemoteEmulator emu = RemoteEmulator.start(w.latency(), w.run())) {
            List<String> args = new ArrayList<>(w.toArgs());
            args.add("emulator=" + emu.baseUrl());
            try (Child b = Child.start(ScaleSuite.WORKER_JVM, "store-worker",
                    List.of("store=" + url, "emulator=" + emu.baseUrl(), "provider=" + w.provider(),
                            "batched=" + w.batched()))) {
                b.awaitLine("READY ");
                long before = transactions(serverUrl);
                List<String> jvm = new ArrayList<>(ScaleSuite.WORKER_JVM);
                jvm.add("-Dvideogen4j.bench.store=" + url);
                ScaleResult r;
                try (Child a = Child.start(jvm, "scale-worker", args)) {
                    r = ScaleResult.fromJson(a.awaitLine("RESULT "));
                }
                long transactions = transactions(serverUrl) - before;
                ScaleSuite.Run store = ScaleSuite.Run.of("videogen4j, PostgreSQL store, 2 instances", w, r, emu,
                        w.provider(), Jvm.current());
                return new Result(memory, store, transactions);
            }
        }
    }

    private static String newSchema(String url) throws SQLException {
        String schema = "b5_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    // The server's count of committed transactions in this database; it is flushed with a short delay.
    private static long transactions(String url) throws SQLException {
        try {
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
