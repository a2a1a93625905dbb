package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.error.ConfigurationException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small connection pool for a JDBC URL, so a store configured by {@code VIDEOGEN4J_JOB_STORE} needs no pool
 * library. Applications with their own pool pass their {@link DataSource} instead. At most {@code size} connections
 * are open; {@link Connection#close()} hands a connection back (reset to auto-commit) instead of closing it.
 *
 * <pre>{@code
 * try (UrlDataSource pool = new UrlDataSource("jdbc:postgresql://db/app", "app", secret, 18);
 *      Connection c = pool.getConnection()) { ... }
 * }</pre>
 */
public final class UrlDataSource implements DataSource, AutoCloseable {
    private final String url;
    private final Properties credentials = new Properties();
    // A connection used within this long is taken to be alive: checking it (an empty query, a transaction of its own
    // on PostgreSQL) before every statement doubled B5's round trips and transactions.
    private static final long VALIDATE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Idle(Connection connection, long since) {
    }

    private final BlockingQueue<Idle> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    public UrlDataSource(String url, String user, String password, int size) {
        this.url = url;
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new ConfigurationException("no JDBC driver on the class path accepts " + redacted(url)
                    + ": add org.postgresql:postgresql or com.h2database:h2 to the application", e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the videogen4j job store is closed");
        }
        try {
            if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLException("no free connection to " + redacted(url) + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a connection", e);
        }
        try {
            Idle kept = idle.poll();
            Connection raw = kept == null ? null : kept.connection();
            if (raw != null && System.nanoTime() - kept.since() > VALIDATE_AFTER_IDLE_NANOS && !raw.isValid(2)) {
                quietlyClose(raw);
                raw = null;
            }
            return pooled(raw != null ? raw : DriverManager.getConnection(url, credentials));
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection pooled(Connection raw) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new java.lang.reflect.InvocationHandler() {
                    private boolean returned;

                    @Override
                    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args)
                            throws Throwable {
                        if (method.getName().equals("close")) {
                            if (!returned) {
                                returned = true;
                                giveBack(raw);
                            }
                            return null;
                        }
                        if (method.getName().equals("isClosed") && returned) {
                            return true;
                        }
                        try {
                            return method.invoke(raw, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private void giveBack(Connection raw) {
        try {
            if (closed || raw.isClosed()) {
                quietlyClose(raw);
                return;
            }
            if (!raw.getAutoCommit()) {
                raw.rollback();
                raw.setAutoCommit(true);
            }
            if (!idle.offer(new Idle(raw, System.nanoTime()))) {
                quietlyClose(raw);
            }
        } catch (SQLException e) {
            quietlyClose(raw);
        } finally {
            permits.release();
        }
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection: nothing left to do with it
        }
    }

    /** The URL without a password that may be written into it. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        closed = true;
        Idle kept;
        while ((kept = idle.poll()) != null) {
            quietlyClose(kept.connection());
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are fixed when the store is configured");
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
