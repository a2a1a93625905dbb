package dev.videogen4j.jobs.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.videogen4j.jobs.JobPollHandler;
import dev.videogen4j.jobs.JobPollScheduler;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRequest;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.TextToVideoRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL every stored end of a job is announced to every instance sharing the store, so the instance awaiting
 * a job that another instance polled learns its end without reading the record in a loop. The listener runs on the
 * real clock: the test waits for the announcement, bounded.
 */
class EndNoticesTest {
    private JdbcJobStore a;
    private JdbcJobStore b;

    @AfterEach
    void stop() { // null when the server is missing and the test was skipped
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    void anEndStoredByOneInstanceIsAnnouncedToTheOtherAndNothingElseIs() throws Exception {
        String url = TestDatabases.newPostgresSchema();
        a = TestDatabases.instance(url, "a", 2, Duration.ofMillis(500));
        b = TestDatabases.instance(url, "b", 2, Duration.ofMillis(500));
        BlockingQueue<String> heardOnB = new LinkedBlockingQueue<>();
        JobPollScheduler onB = b.pollScheduler().orElseThrow();
        assertFalse(onB.reportsEnds(), "nothing is heard before the polls start");
        onB.start(new JobPollHandler() {
            @Override public Optional<Instant> pollOnce(String recordId) { return Optional.empty(); }
            @Override public void ended(String recordId) { heardOnB.add(recordId); }
        });
        TestDatabases.waitUntil(onB::reportsEnds, Duration.ofSeconds(10), "B listening");

        JobRecord r = JobRecord.builder(UUID.randomUUID().toString(), "runware", "klingai:6@1",
                JobRequest.of(TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("a fox").build()),
                UUID.randomUUID().toString(), Instant.now()).owner("a").build();
        a.insert(r);
        JobRecord running = a.update(r.toBuilder().state(RecordState.SUBMITTING).build()).orElseThrow();
        JobRecord ended = a.update(running.toBuilder().state(RecordState.FAILED).lastError("refused").build())
                .orElseThrow();
        assertEquals(RecordState.FAILED, ended.state());
        assertEquals(Optional.empty(), a.update(running.toBuilder().state(RecordState.CANCELLED).build()),
                "a write that lost the version race stores nothing, and announces nothing");

        assertEquals(r.id(), heardOnB.poll(10, TimeUnit.SECONDS));
        assertNull(heardOnB.poll(300, TimeUnit.MILLISECONDS), "only the end is announced, once");
        b.close();
        assertFalse(onB.reportsEnds(), "a closed instance no longer listens");
    }
}
