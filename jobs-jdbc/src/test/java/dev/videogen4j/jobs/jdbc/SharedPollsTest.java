package dev.videogen4j.jobs.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.jobs.JobPollHandler;
import dev.videogen4j.jobs.JobPollScheduler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing one PostgreSQL schema run the polls of 200 jobs: every job is polled exactly as often as
 * its handler asked, never by both instances at once, and a poll can be removed or moved from the other instance.
 * db-scheduler runs on the real clock, so the test waits for the table to empty, bounded.
 */
class SharedPollsTest {
    private static final int POLLS_PER_JOB = 4;

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private DataSource data;
    private JdbcJobStore a;
    private JdbcJobStore b;

    @BeforeEach
    void twoInstances() {
        String url = TestDatabases.newPostgresSchema();
        data = TestDatabases.postgres(url);
        a = TestDatabases.instance(url, "a", 4, Duration.ofMillis(100));
        b = TestDatabases.instance(url, "b", 4, Duration.ofMillis(100));
        a.pollScheduler().orElseThrow().start(handler("a"));
        b.pollScheduler().orElseThrow().start(handler("b"));
    }

    @AfterEach
    void stop() { // null when the server is missing and the test was skipped
        if (a != null) a.close();
        if (b != null) b.close();
    }

    private JobPollHandler handler(String instance) {
        return id -> {
            if (running.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.onSpinWait(); // the poll's work; what matters is that no other instance enters meanwhile
                byInstance.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
                int done = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                return done < POLLS_PER_JOB ? Optional.of(Instant.now().plusMillis(20)) : Optional.empty();
            } finally {
                running.get(id).decrementAndGet();
            }
        };
    }

    @Test
    void everyJobIsPolledAsAskedAndNeverByTwoInstancesAtOnce() throws Exception {
        JobPollScheduler fromA = a.pollScheduler().orElseThrow();
        for (int i = 0; i < 200; i++) {
            fromA.schedule("job-" + i, Instant.now());
        }
        waitForNoTasks(Duration.ofSeconds(60));

        assertEquals(200, polls.size());
        polls.forEach((id, count) -> assertEquals(POLLS_PER_JOB, count.get(), id));
        assertEquals(0, overlaps.get());
        System.out.println("[SharedPollsTest] polls by instance: " + byInstance);
    }

    @Test
    void theOtherInstanceCanMoveOrRemoveAPoll() throws Exception {
        a.pollScheduler().orElseThrow().schedule("far", Instant.now().plus(Duration.ofHours(1)));
        a.pollScheduler().orElseThrow().schedule("gone", Instant.now().plus(Duration.ofHours(1)));
        b.pollScheduler().orElseThrow().schedule("far", Instant.now());   // e.g. a webhook asked for an early poll
        b.pollScheduler().orElseThrow().unschedule("gone");               // e.g. cancelled on b
        b.pollScheduler().orElseThrow().unschedule("never-scheduled");    // nothing to do, no error
        waitForNoTasks(Duration.ofSeconds(30));
        assertEquals(POLLS_PER_JOB, polls.get("far").get());
        assertTrue(!polls.containsKey("gone"));
    }

    @Test
    void aScheduleThatRacesAPollOfTheSameJobNeverFails() throws Exception {
        // `await` and webhooks ask for a poll now while a worker may be picking or finishing the same task: the
        // versioned update db-scheduler makes then finds the task changed. That must not reach the caller.
        JobPollScheduler fromA = a.pollScheduler().orElseThrow();
        JobPollScheduler fromB = b.pollScheduler().orElseThrow();
        for (int i = 0; i < 20; i++) fromA.schedule("raced-" + i, Instant.now());
        java.util.List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
        Instant until = Instant.now().plusSeconds(2);
        Thread racer = new Thread(() -> {
            while (Instant.now().isBefore(until)) {
                for (int i = 0; i < 20; i++) {
                    try {
                        fromB.schedule("raced-" + i, Instant.now());
                    } catch (RuntimeException e) {
                        escaped.add(e);
                    }
                }
            }
        });
        racer.start();
        racer.join();
        waitForNoTasks(Duration.ofSeconds(30));
        assertEquals(java.util.List.of(), escaped.stream().map(Throwable::toString).distinct().toList());
        assertEquals(0, overlaps.get());
    }

    private void waitForNoTasks(Duration limit) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (tasks() > 0) {
            assertTrue(Instant.now().isBefore(deadline), tasks() + " poll tasks left after " + limit);
            Thread.sleep(50); // db-scheduler runs on the real clock
        }
    }

    private int tasks() throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM videogen4j_scheduled_tasks WHERE task_name = 'videogen4j-poll'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
