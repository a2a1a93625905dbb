package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.videogen4j.Comparison;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A comparison row whose job the provider accepted names that job, whatever ended the wait: a deadline or a poll
 * that cannot heal leave a paid job running, and the row is the caller's only handle on it.
 */
class CompareRowKeepsTheJobOfATimedOutRowTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private Comparison.Row onlyRow(ScriptedProvider acme) {
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        CompletableFuture<Comparison> f = client.compareAsync(Requests.t2v(), List.of(), Duration.ofMinutes(1));
        scheduler.runUntilDone(f, Duration.ofMinutes(5));
        List<Comparison.Row> rows = value(f).rows();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void aRowWhoseDeadlinePassedNamesItsStillRunningJob() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock).cancellable(false).acceptSubmit("job-9")
                .answerPoll(JobStatus.running(10));
        Comparison.Row row = onlyRow(acme);
        assertFalse(row.succeeded());
        assertEquals("job-9", row.jobId() == null ? null : row.jobId().nativeJobId(), row.outcome());
    }

    @Test
    void aRowWhosePollsFailedForGoodNamesItsJob() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock).acceptSubmit("job-9")
                .failPoll(Failures.http("acme", Operation.POLL, 401));
        Comparison.Row row = onlyRow(acme);
        assertFalse(row.succeeded());
        assertEquals("job-9", row.jobId() == null ? null : row.jobId().nativeJobId(), row.outcome());
    }
}
