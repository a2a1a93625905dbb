package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.jobs.InMemoryJobStore;
import dev.videogen4j.jobs.RecordState;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every wait is bounded (issue 12, defects 4, 7 and 8): a generate returns by its timeout whatever the vendor does,
 * a job nobody awaits any more is released after the follow-up time, and failing submits never stop the polls of
 * a paid job.
 */
class BoundedWaitsTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    // Provider calls run inline until hang is set; then they never answer (a vendor that drips forever).
    private final AtomicBoolean hang = new AtomicBoolean();
    private final List<Runnable> hung = new ArrayList<>();

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client(Map<String, String> env, InMemoryJobStore store) {
        return TestClients.virtual(scheduler, env, acme).jobStore(store)
                .callExecutor(task -> {
                    if (hang.get()) hung.add(task);
                    else task.run();
                })
                .pollInterval(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10)).build();
    }

    @Test
    void generateReturnsByItsTimeoutWhenTheVendorNeverAnswersTheSubmitAndTheSubmitIsARecord() {
        InMemoryJobStore store = new InMemoryJobStore();
        VideoClient client = client(Map.of(), store);
        hang.set(true);

        var f = client.generateAsync(Requests.t2v(), Duration.ofSeconds(5));
        scheduler.advanceBy(Duration.ofMillis(4999));
        assertFalse(f.isDone());
        scheduler.advanceBy(Duration.ofMillis(1));

        JobTimeoutException e = failure(f, JobTimeoutException.class);
        assertNull(e.jobId());
        assertEquals(Duration.ofSeconds(5), e.deadline());
        assertEquals("No answer from acme to the submit within PT5S; if it lands later, its job is recorded and followed",
                e.getMessage());
        assertEquals(1, store.findByState(Set.of(RecordState.SUBMITTING), 10).size(), "the submit is a record");
    }

    @Test
    void anAwaitWhoseCancelIsNeverAnsweredReturnsWithinTheGracePeriod() {
        acme.answerPoll(JobStatus.running(null));
        VideoClient client = client(Map.of(), new InMemoryJobStore());
        VideoJob job = value(client.submitAsync(Requests.t2v()));
        hang.set(true);   // polls and the cancel sent at the deadline never answer

        var f = client.awaitAsync(job.jobId(), Duration.ofSeconds(30));
        scheduler.advanceBy(Duration.ofSeconds(31));
        assertFalse(f.isDone(), "the cancel may still answer within its grace");
        scheduler.advanceBy(Duration.ofSeconds(1));

        JobTimeoutException e = failure(f, JobTimeoutException.class);
        assertEquals(job.jobId(), e.jobId());
        assertNull(e.cancelOutcome(), "the cancel did not answer in time");
    }

    @Test
    void aJobWhoseAwaitTimedOutIsFollowedForTheFollowUpTimeThenReleasedAndANewAwaitFollowsItAgain() {
        acme.answerPoll(JobStatus.running(null));
        VideoClient client = TestClients.virtual(scheduler, acme).cancelOnTimeout(false)
                .followAfterTimeout(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(10)).build();
        VideoJob job = value(client.submitAsync(Requests.t2v()));
        var first = client.awaitAsync(job.jobId(), Duration.ofMinutes(1));
        scheduler.advanceBy(Duration.ofMinutes(1));
        failure(first, JobTimeoutException.class);

        scheduler.advanceBy(Duration.ofMinutes(5));
        int followed = acme.count(Operation.POLL);
        assertEquals(36, followed, "one poll every 10 s for 1 + 5 minutes");
        scheduler.advanceBy(Duration.ofHours(1));
        assertEquals(followed, acme.count(Operation.POLL), "released: no poll after the follow-up time");
        assertEquals(0, scheduler.pending());

        acme.answerPoll(ScriptedProvider.succeededWith("https://videos.example/late.mp4", null));
        var again = client.awaitAsync(job.jobId(), Duration.ofMinutes(1));
        scheduler.runUntilDone(again, Duration.ofMinutes(1));
        assertEquals("https://videos.example/late.mp4", value(again).video().url(), "its handle still works");
    }

    @Test
    void failingSubmitsOpenTheSubmitBreakerButThePaidJobIsStillPolledAndFinishes() {
        acme.answerPoll(JobStatus.running(null), JobStatus.running(null))
                .answerPoll(ScriptedProvider.succeededWith("https://videos.example/paid.mp4", null));
        VideoClient client = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1", "VIDEOGEN4J_CIRCUIT_WINDOW", "4",
                "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "4", "VIDEOGEN4J_CIRCUIT_OPEN_DURATION", "10m"), new InMemoryJobStore());
        VideoJob paid = value(client.submitAsync(Requests.t2v()));
        var f = client.awaitAsync(paid.jobId(), Duration.ofMinutes(2));
        RuntimeException down = Failures.http("acme", Operation.SUBMIT, 503);
        acme.failSubmit(down, down, down, down);
        for (int i = 0; i < 5; i++) failure(client.submitAsync(Requests.t2v()), RuntimeException.class);
        assertEquals(CircuitState.OPEN, client.circuitState("acme"));
        assertEquals(4, acme.count(Operation.SUBMIT), "the paid one and three failures; the open breaker refused the rest");

        scheduler.runUntilDone(f, Duration.ofMinutes(2));

        assertEquals("https://videos.example/paid.mp4", value(f).video().url());
        assertEquals(3, acme.count(Operation.POLL));
        assertEquals(CircuitState.OPEN, client.circuitState("acme"), "still open: the polls went by their own breaker");
        assertTrue(acme.times(Operation.POLL).get(2).isBefore(MutableClock.START.plusSeconds(60)));
    }
}
