package dev.videogen4j.engine;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.ProviderException;
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
 * README: "awaiting a finished job again reads it again". When reading a finished (paid) job failed — an error
 * that does not heal by retrying, like a 404 from a proxy — awaiting its id again must ask the provider again,
 * not repeat the remembered failure; a job the provider itself reported FAILED stays failed.
 */
class AwaitAgainReadsAJobWhoseFollowingFailedTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private <T> CompletableFuture<T> run(CompletableFuture<T> f) {
        scheduler.runUntilDone(f, Duration.ofMinutes(10));
        return f;
    }

    @Test
    void aJobWhoseResultReadFailedIsReadAgainWhenAwaitedAgain() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock).acceptSubmit("job-1")
                .answerPoll(JobStatus.succeeded())
                .failResult(Failures.http("acme", Operation.RESULT, 404))
                .answerResult(ScriptedProvider.output("https://videos.example/job-1.mp4", null));
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        VideoJob job = value(run(client.submitAsync(Requests.t2v())));
        assertEquals(404, failure(run(client.awaitAsync(job.jobId(), Duration.ofMinutes(5))), ProviderException.class).httpStatus());

        VideoResult again = value(run(client.awaitAsync(job.jobId(), Duration.ofMinutes(5))));

        assertEquals("https://videos.example/job-1.mp4", again.video().url());
        assertEquals(2, acme.count(Operation.RESULT));
    }

    @Test
    void aJobTheProviderReportedFailedStaysFailedWithoutAnotherCall() {
        ScriptedProvider acme = ScriptedProvider.of("acme", clock).acceptSubmit("job-1")
                .answerPoll(JobStatus.failed(ErrorKind.OTHER, "boom", "the model crashed"));
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        VideoJob job = value(run(client.submitAsync(Requests.t2v())));
        failure(run(client.awaitAsync(job.jobId(), Duration.ofMinutes(5))), JobFailedException.class);
        int polls = acme.count(Operation.POLL);

        failure(run(client.awaitAsync(job.jobId(), Duration.ofMinutes(5))), JobFailedException.class);
        assertEquals(polls, acme.count(Operation.POLL));
    }
}
