package dev.videogen4j.jobs.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.jobs.JobPollHandler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll whose vendor answer is still out holds no worker thread, yet its task stays picked by its instance (no
 * other instance polls the job meanwhile) until the answer reschedules or removes it; an instance that stops hands
 * the polls it still has out to the others at once. db-scheduler runs on the real clock: the test waits, bounded.
 */
class PollsInFlightTest {
    private final BlockingQueue<CompletableFuture<Optional<Instant>>> outOnA = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> polledOnB = new LinkedBlockingQueue<>();
    private DataSource data;
    private JdbcJobStore a;
    private JdbcJobStore b;

    @BeforeEach
    void twoInstances() {
        String url = TestDatabases.newPostgresSchema();
        data = TestDatabases.postgres(url);
        // one thread on A: a poll out must not keep it from starting the next
        // it waits 1 s for its polls out when it stops
        a = JdbcJobStore.builder(url, null, null).instanceId("a").pollThreads(1).checkInterval(Duration.ofMillis(50))
                .shutdownWait(Duration.ofSeconds(1)).build();
        b = TestDatabases.instance(url, "b", 1, Duration.ofMillis(50));
        a.pollScheduler().orElseThrow().start(new JobPollHandler() {
            @Override public Optional<Instant> pollOnce(String recordId) { throw new AssertionError("blocking poll"); }
            @Override public CompletableFuture<Optional<Instant>> pollAsync(String recordId) {
                CompletableFuture<Optional<Instant>> answer = new CompletableFuture<>();
                outOnA.add(answer);
                return answer;
            }
        });
    }

    // B's polls find their job still running, to look again in an hour: the job's row stays, so the counts below do
    // not depend on whether B got to it yet.
    private void startB() {
        b.pollScheduler().orElseThrow().start(id -> {
            polledOnB.add(id);
            return Optional.of(Instant.now().plus(Duration.ofHours(1)));
        });
    }

    @AfterEach
    void stop() { // null when the server is missing and the test was skipped
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void pollsOutHoldNoThreadAndKeepTheirTaskUntilAnswered() throws Exception {
        for (int i = 0; i < 3; i++) a.pollScheduler().orElseThrow().schedule("job-" + i, Instant.now());
        CompletableFuture<Optional<Instant>> first = outOnA.poll(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<Instant>> second = outOnA.poll(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<Instant>> third = outOnA.poll(10, TimeUnit.SECONDS);
        assertTrue(first != null && second != null && third != null, "A's one thread started all three polls");
        startB();
        assertEquals(3, count("picked AND picked_by = 'a'"), "each task stays A's while its answer is out");
        assertEquals(null, polledOnB.poll(500, TimeUnit.MILLISECONDS), "B polls none of them meanwhile");

        first.complete(Optional.empty());                                  // the job ended
        second.complete(Optional.of(Instant.now().plus(Duration.ofHours(1))));   // poll again later
        third.completeExceptionally(new IllegalStateException("store hiccup"));  // never dropped
        TestDatabases.waitUntil(() -> count("true") == 2 && count("picked") == 0, Duration.ofSeconds(10), "answers applied");
        assertEquals(1, count("execution_time > now() + interval '59 minutes'"));
        assertEquals(1, count("execution_time < now() + interval '1 minute'"), "the failed poll is tried again soon");
    }

    @Test
    void anInstanceThatStopsWaitsForItsPollsOutThenHandsTheRestToTheOthersAtOnce() throws Exception {
        a.pollScheduler().orElseThrow().schedule("job-1", Instant.now());
        a.pollScheduler().orElseThrow().schedule("job-2", Instant.now());
        CompletableFuture<Optional<Instant>> answered = outOnA.poll(10, TimeUnit.SECONDS);
        CompletableFuture<Optional<Instant>> out = outOnA.poll(10, TimeUnit.SECONDS);
        assertTrue(answered != null && out != null);
        startB();
        Thread closing = new Thread(a::close);
        closing.start();
        answered.complete(Optional.empty());   // answered while A waits: applied by A, never polled by B
        closing.join();
        assertEquals(0, count("task_instance = 'job-1'"), "A applied the answer that came while it stopped");
        assertEquals("job-2", polledOnB.poll(10, TimeUnit.SECONDS), "B polls the other without waiting for A's heartbeats");
        assertEquals(null, polledOnB.poll(300, TimeUnit.MILLISECONDS), "and only that one");
        TestDatabases.waitUntil(() -> count("task_instance = 'job-2' AND NOT picked "
                + "AND execution_time > now() + interval '59 minutes'") == 1, Duration.ofSeconds(10), "B's answer applied");
        out.complete(Optional.of(Instant.now()));   // A's late answer changes nothing: B is not made to poll again
        assertEquals(null, polledOnB.poll(500, TimeUnit.MILLISECONDS), "A's late answer moved no poll");
        assertEquals(1, count("task_instance = 'job-2' AND execution_time > now() + interval '59 minutes'"));
    }

    private int count(String where) {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM videogen4j_scheduled_tasks "
                     + "WHERE task_name = 'videogen4j-poll' AND " + where)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
