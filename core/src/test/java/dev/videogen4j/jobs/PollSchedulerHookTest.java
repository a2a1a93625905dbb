package dev.videogen4j.jobs;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A store with a {@link JobPollScheduler} runs every poll (the jdbc module's db-scheduler tasks), on any instance
 * sharing it; and which store a client uses is configuration.
 */
class PollSchedulerHookTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    /** A store whose poll tasks are run by the test, as a task scheduler shared by instances would run them. */
    static final class TaskStore extends ForwardingStore implements JobPollScheduler {
        final Map<String, Instant> tasks = new LinkedHashMap<>();
        final List<JobPollHandler> handlers = new java.util.ArrayList<>();
        JobPollHandler handler;
        boolean reportsEnds;
        boolean unreadable;
        int reads;

        TaskStore(JobStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<JobPollScheduler> pollScheduler() {
            return Optional.of(this);
        }

        @Override
        public void start(JobPollHandler h) {
            handler = h;
            handlers.add(h);
        }

        @Override
        public boolean reportsEnds() {
            return reportsEnds;
        }

        @Override
        public Optional<JobRecord> get(String id) {
            reads++;
            if (unreadable) throw new dev.videogen4j.error.JobStoreException("connection refused", null);
            return super.get(id);
        }

        @Override
        public synchronized void schedule(String recordId, Instant due) {
            tasks.put(recordId, due);
        }

        @Override
        public synchronized void unschedule(String recordId) {
            tasks.remove(recordId);
        }

        @Override
        public void stop() {
        }

        /** Runs the task of {@code recordId} once, as one worker would, rescheduling or removing it. */
        void run(String recordId) {
            Optional<Instant> next = handler.pollOnce(recordId);
            if (next.isPresent()) schedule(recordId, next.get());
            else unschedule(recordId);
        }
    }

    @Test
    void everyPollGoesThroughTheStoresSchedulerAndAnyInstanceCompletesTheJob() {
        ScriptedProvider onA = ScriptedProvider.of("acme", clock).answerPoll(JobStatus.running(null));
        ScriptedProvider onB = ScriptedProvider.of("acme", clock).answerPoll(JobStatus.running(null))
                .answerPoll(ScriptedProvider.succeededWith("https://videos.example/b.mp4", null));
        TaskStore shared = new TaskStore(new InMemoryJobStore());
        VideoClient a = TestClients.virtual(scheduler, onA).jobStore(shared).build();
        VideoJob job = value(a.submitAsync(Requests.t2v()));
        var awaited = a.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        String recordId = shared.findByNativeJobId("acme", job.jobId().nativeJobId()).orElseThrow().id();
        assertEquals(Set.of(recordId), shared.tasks.keySet(), "one task per live job");

        scheduler.advanceBy(Duration.ofMinutes(1));
        assertEquals(0, onA.count(Operation.POLL), "the client's own timer polls nothing: the store's scheduler does");
        assertFalse(awaited.isDone());

        // Instance A is gone; B's worker picks up the task.
        VideoClient b = TestClients.virtual(scheduler, onB).jobStore(shared).build();
        shared.run(recordId);
        assertEquals(Set.of(recordId), shared.tasks.keySet(), "still running: rescheduled");
        shared.run(recordId);
        assertEquals(Set.of(), shared.tasks.keySet(), "ended: its task is removed");
        assertEquals(2, onB.count(Operation.POLL));
        assertEquals(RecordState.SUCCEEDED, shared.get(recordId).orElseThrow().state());

        scheduler.advanceBy(Duration.ofSeconds(10));    // A reads the record at its poll interval
        assertEquals("https://videos.example/b.mp4", value(awaited).video().url());
        assertEquals(0, onA.count(Operation.POLL));
        b.close();
    }

    @Test
    void anInstanceTheStoreTellsOfEndsLearnsAnEndPolledElsewhereAtOnceWithoutReadingInALoop() {
        ScriptedProvider onA = ScriptedProvider.of("acme", clock);
        ScriptedProvider onB = ScriptedProvider.of("acme", clock)
                .answerPoll(ScriptedProvider.succeededWith("https://videos.example/b.mp4", null));
        TaskStore shared = new TaskStore(new InMemoryJobStore());
        shared.reportsEnds = true;
        VideoClient a = TestClients.virtual(scheduler, onA).jobStore(shared).build();
        VideoJob job = value(a.submitAsync(Requests.t2v()));
        var awaited = a.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        String recordId = shared.findByNativeJobId("acme", job.jobId().nativeJobId()).orElseThrow().id();
        int readsBefore = shared.reads;
        scheduler.advanceBy(Duration.ofSeconds(9));
        assertEquals(readsBefore, shared.reads, "no look at the record before the longest poll interval");

        VideoClient b = TestClients.virtual(scheduler, onB).jobStore(shared).build();
        shared.unreadable = true;
        assertThrows(dev.videogen4j.error.JobStoreException.class, () -> shared.handler.pollAsync(recordId),
                "a store that cannot be read fails the poll (tried again later) rather than ending the job's task");
        shared.unreadable = false;
        shared.run(recordId);                       // B polls the job and stores its end
        assertFalse(awaited.isDone());
        shared.handlers.forEach(h -> h.ended(recordId));   // the store announces it to every instance
        scheduler.advanceBy(Duration.ZERO);
        assertEquals("https://videos.example/b.mp4", value(awaited).video().url());
        assertEquals(0, onA.count(Operation.POLL));
        b.close();
        a.close();
    }

    @Test
    void aWebhookJobsPollsThroughTheStoreKeepToTheSafetyInterval() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock).answerPoll(JobStatus.running(null))
                .answerPoll(JobStatus.running(null));
        TaskStore shared = new TaskStore(new InMemoryJobStore());
        VideoClient c = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_WEBHOOK_SAFETY_POLL", "5m"), acme)
                .jobStore(shared).build();
        VideoJob job = value(c.submitAsync(dev.videogen4j.TextToVideoRequest.builder().model(Requests.FAMILY)
                .prompt("A red fox runs through fresh snow").webhookUrl("https://app.example/hooks/acme").build()));
        String recordId = shared.findByNativeJobId("acme", job.jobId().nativeJobId()).orElseThrow().id();
        Instant accepted = clock.instant();
        assertEquals(accepted.plus(Duration.ofMinutes(5)), shared.tasks.get(recordId), "the first poll");

        clock.advance(Duration.ofMinutes(5));
        shared.run(recordId);
        assertEquals(1, acme.count(Operation.POLL));
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), shared.tasks.get(recordId),
                "and every poll after it: the webhook ends the job, polls only stand by");
        c.close();
    }

    @Test
    void theStoreIsConfigurationMemoryByDefaultAndAnUnknownLocationSaysWhatToSet() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock);
        try (VideoClient c = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_JOB_STORE", "memory"), acme).build()) {
            assertEquals(List.of(), c.spend(Instant.EPOCH, Instant.now()));
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestClients.virtual(scheduler,
                Map.of("VIDEOGEN4J_JOB_STORE", "jdbc:postgresql://db/jobs?password=s3cret"), acme).build());
        assertEquals("VIDEOGEN4J_JOB_STORE=jdbc:postgresql://db/jobs?... is neither 'memory' nor a location a job store "
                + "module accepts (found: none; add videogen4j-jobs-jdbc for a JDBC URL)", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aClientFromNewBuilderSharesTheParentsThreadsAndOutlivesIt() {
        ScriptedProvider acme = ScriptedProvider.of("acme");
        VideoClient parent = VideoClient.builder().providerFactory(acme.factory()).routing("single:acme").build();
        VideoClient child = parent.newBuilder().build();
        parent.close();
        assertEquals("single:acme", child.routing());
        assertEquals("job-1", child.submit(Requests.t2v()).jobId().nativeJobId(), "the shared call threads still run");
        child.close();
    }
}
