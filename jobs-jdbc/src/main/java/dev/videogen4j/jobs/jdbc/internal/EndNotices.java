package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.jobs.JobPollHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL only: listens on {@link JobRows#ENDS_CHANNEL} on a connection of its own and hands every announced end to
 * the engine's {@link JobPollHandler#ended}, so an instance awaiting a job that another instance polled learns its
 * end within milliseconds instead of at its next read of the record. A notice sent while the connection is down is
 * lost: {@link #listening()} is false then, and the engine reads the records of its jobs at the poll interval again.
 * This class is loaded only on PostgreSQL (the driver is an optional dependency).
 *
 * <pre>{@code
 * EndNotices notices = new EndNotices(dataSource, () -> handler, Duration.ofSeconds(5));
 * notices.start();   // a daemon thread; notices.stop() ends it and closes its connection
 * }</pre>
 */
final class EndNotices implements Runnable {
    private static final Logger log = LoggerFactory.getLogger("dev.videogen4j.jobs");
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final Supplier<JobPollHandler> handler;
    private final Duration retryAfter;
    private final Thread thread;
    private volatile boolean listening;
    private volatile boolean stopped;

    EndNotices(DataSource dataSource, Supplier<JobPollHandler> handler, Duration retryAfter) {
        this.dataSource = dataSource;
        this.handler = handler;
        this.retryAfter = retryAfter;
        this.thread = new Thread(this, "videogen4j-job-ends");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True while every end committed from now on reaches the handler. */
    boolean listening() {
        return listening;
    }

    @Override
    public void run() {
        while (!stopped) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + JobRows.ENDS_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                try {
                    while (!stopped) {
                        PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
                        if (notices == null) continue;
                        for (PGNotification n : notices) handler.get().ended(n.getParameter());
                    }
                } finally {
                    listening = false;
                    try (Statement s = c.createStatement()) {
                        s.execute("UNLISTEN *");   // the connection may go back to the application's pool
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) return;
                log.warn("not listening for job ends ({}); records are read at the poll interval until it listens "
                        + "again in {}", e.toString(), retryAfter);
            }
            listening = false;
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryAfter.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
