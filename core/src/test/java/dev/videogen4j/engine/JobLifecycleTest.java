package dev.videogen4j.engine;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Attempt;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.JobStatus;
import dev.videogen4j.Timings;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.JobFailedException;
import dev.videogen4j.error.JobTimeoutException;
import dev.videogen4j.error.ProviderException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.RecordingListener;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submit, poll, complete, fail, cancel, time out and resume — all in virtual time, on the test thread. */
class JobLifecycleTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener events = new RecordingListener(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client() {
        return TestClients.virtual(scheduler, acme)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .listener(events)
                .build();
    }

    private static Instant at(double seconds) {
        return MutableClock.START.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void jobGoesFromQueuedThroughRunningToSucceededWithResultAndTimings() {
        acme.acceptSubmit("job-1", 4)
                .answerPoll(JobStatus.queued(2), JobStatus.running(50), JobStatus.succeeded())
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        Duration spent = scheduler.runUntilDone(f, Duration.ofMinutes(1));

        VideoResult r = value(f);
        assertEquals(JobId.of("acme", "acme-kling-2.5", "job-1"), r.jobId());
        assertEquals(List.of(GeneratedVideo.of("https://cdn.example/job-1.mp4")), r.videos());
        // polls at 2 s, 5 s, 9.5 s: queued until the 5 s poll saw RUNNING, done at 9.5 s
        assertEquals(new Timings(Duration.ofSeconds(5), Duration.ofMillis(4500), Duration.ofMillis(9500)), r.timings());
        assertEquals(Duration.ofMillis(9500), spent);
        assertEquals(Cost.estimated(new BigDecimal("0.35")), r.cost());   // 0.07 $/s × default 5 s
        assertEquals(List.of(new Attempt("acme", "acme-kling-2.5", Attempt.Outcome.SUCCEEDED, "", r.cost())),
                r.attempts());
        assertEquals(r.cost(), r.totalCost());
        assertEquals(List.of(at(2), at(5), at(9.5)), acme.times(Operation.POLL));
        assertEquals(List.of(at(9.5)), acme.times(Operation.RESULT));
        assertEquals(List.of(
                "0 submitted job-1 to acme",
                "0 - -> QUEUED (position 4)",
                "2000 QUEUED (position 4) -> QUEUED (position 2)",
                "5000 QUEUED (position 2) -> RUNNING (50%)",
                "9500 RUNNING (50%) -> SUCCEEDED",
                "9500 completed job-1 $0.35 (estimated)"), events.events());
    }

    @Test
    void theSchedulerCanRunTheProviderCallsTooWithTheSameTimeline() {
        acme.answerPoll(JobStatus.queued(2), JobStatus.running(50), JobStatus.succeeded());
        VideoClient client = TestClients.virtual(scheduler, acme).callExecutor(scheduler)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10)).build();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        assertEquals(0, acme.count(Operation.SUBMIT), "the submit waits for the scheduler to run it");
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals(new Timings(Duration.ofSeconds(5), Duration.ofMillis(4500), Duration.ofMillis(9500)), value(f).timings());
        assertEquals(List.of(at(2), at(5), at(9.5)), acme.times(Operation.POLL));
    }

    @Test
    void aPollThatCarriesTheOutputNeedsNoResultCallAndAReportedCostWins() {
        acme.answerPoll(ScriptedProvider.succeededWith("https://cdn.example/v.mp4", new BigDecimal("0.21")));
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals(Cost.reported(new BigDecimal("0.21")), value(f).cost());
        assertEquals("$0.21 (reported)", value(f).cost().toString());
        assertEquals(0, acme.count(Operation.RESULT));
    }

    @Test
    void aJobFailedAtTheProviderEndsInJobFailedExceptionWithTheProvidersCodeAndReason() {
        acme.answerPoll(JobStatus.running(null), JobStatus.failed(ErrorKind.OTHER, "gpu_error", "the GPU fell over"));
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        JobFailedException e = failure(f, JobFailedException.class);
        assertEquals(JobState.FAILED, e.status().state());
        assertEquals("gpu_error", e.status().code().orElseThrow());
        assertEquals("the GPU fell over", e.status().reason().orElseThrow());
        assertTrue(e.providerSide());
        assertEquals("Job vg1:acme:acme-kling-2.5:job-1 on acme ended FAILED: gpu_error the GPU fell over", e.getMessage());
        assertEquals("5000 failed job-1 JobFailedException", events.events().get(events.events().size() - 1));
    }

    @Test
    void cancellingAJobAsksTheProviderPollsAtOnceAndEndsCancelled() {
        acme.answerPoll(JobStatus.running(10), JobStatus.cancelled());
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());
        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        scheduler.advanceBy(Duration.ofSeconds(3));      // first poll: RUNNING

        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, client.cancel(job.jobId()));
        scheduler.runDue();                                // the poll the cancel asked for, right away

        JobFailedException e = failure(f, JobFailedException.class);
        assertEquals(JobState.CANCELLED, e.status().state());
        assertFalse(e.providerSide());
        assertEquals(List.of(at(2), at(3)), acme.times(Operation.POLL));
        assertEquals(List.of(at(3)), acme.times(Operation.CANCEL));
        assertEquals(0, scheduler.pending());              // nothing left polling
    }

    @Test
    void anUnknownProviderStatusIsReportedAndPollingGoesOn() {
        acme.answerPoll(JobStatus.unknown("WARMING_UP"), JobStatus.unknown("WARMING_UP"), JobStatus.unknown("PROVISIONING"),
                JobStatus.running(null), JobStatus.succeeded());
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals("job-1", value(f).jobId().nativeJobId());
        assertEquals(5, acme.count(Operation.POLL));
        assertEquals(List.of("2000 QUEUED -> UNKNOWN (provider said 'WARMING_UP')",
                "9500 UNKNOWN (provider said 'WARMING_UP') -> UNKNOWN (provider said 'PROVISIONING')",
                "16250 UNKNOWN (provider said 'PROVISIONING') -> RUNNING"), events.events("UNKNOWN"));
    }

    @Test
    void pollsBackOffByTheMultiplierUpToTheCeiling() {
        acme.answerPoll(JobStatus.queued(null), JobStatus.queued(null), JobStatus.queued(null), JobStatus.queued(null),
                JobStatus.queued(null), JobStatus.queued(null), JobStatus.succeeded());
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(2));

        // delays 2 s, 3 s, 4.5 s, 6.75 s, then capped at 10 s
        assertEquals(List.of(at(2), at(5), at(9.5), at(16.25), at(26.25), at(36.25), at(46.25)),
                acme.times(Operation.POLL));
    }

    @Test
    void retryablePollErrorsKeepTheJobAliveAndPollingResumes() {
        RuntimeException unavailable = Failures.http("acme", Operation.POLL, 503);
        acme.failPoll(unavailable, unavailable, unavailable, unavailable).answerPoll(JobStatus.succeeded());
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals("job-1", value(f).jobId().nativeJobId());
        // poll 1 at 2 s is retried after 0.5, 1 and 2 s (4 attempts), then the next scheduled poll 3 s later succeeds
        assertEquals(List.of(at(2), at(2.5), at(3.5), at(5.5), at(8.5)), acme.times(Operation.POLL));
        // a retry is announced when it is decided, with the wait ahead of it
        assertEquals(List.of("2000 retry acme poll #1 wait 500", "2500 retry acme poll #2 wait 1000",
                "3500 retry acme poll #3 wait 2000"), events.events("retry"));
    }

    @Test
    void aNonRetryablePollErrorFailsTheJobAtOnce() {
        acme.failPoll(Failures.http("acme", Operation.POLL, 401, "invalidApiKey", "key revoked"));
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        AuthenticationException e = failure(f, AuthenticationException.class);
        assertEquals("acme poll failed: HTTP 401 invalidApiKey: key revoked", e.getMessage());
        assertEquals(1, acme.count(Operation.POLL));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aJobTheProviderDoesNotKnowFailsWithoutEndlessPolling() {
        acme.failPoll(Failures.http("acme", Operation.POLL, 404, "not_found", "no such request"));
        VideoClient client = client();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        ProviderException e = failure(f, ProviderException.class);
        assertEquals(404, e.httpStatus());
        assertFalse(e.retryable());
        assertEquals(1, acme.count(Operation.POLL));
    }

    @Test
    void anAwaitDeadlineCancelsAtTheProviderAndReportsTheCancelOutcome() {
        acme.answerPoll(JobStatus.running(null));
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());

        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofSeconds(30));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        JobTimeoutException e = failure(f, JobTimeoutException.class);
        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, e.cancelOutcome());
        assertEquals(Duration.ofSeconds(30), e.deadline());
        assertEquals(job.jobId(), e.jobId());
        assertEquals("Job vg1:acme:acme-kling-2.5:job-1 did not finish within PT30S; cancel at acme: "
                + "CANCELLATION_REQUESTED", e.getMessage());
        assertEquals(List.of(at(30)), acme.times(Operation.CANCEL));
    }

    @Test
    void withCancelOnTimeoutOffTheDeadlineSendsNoCancelAndTheJobCanBeAwaitedAgain() {
        acme.answerPoll(JobStatus.running(null), JobStatus.running(null), JobStatus.running(null),
                JobStatus.running(null), JobStatus.succeeded());
        VideoClient client = TestClients.virtual(scheduler, acme)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10)).cancelOnTimeout(false).build();
        VideoJob job = client.submit(Requests.t2v());

        CompletableFuture<VideoResult> first = client.awaitAsync(job.jobId(), Duration.ofSeconds(10));
        scheduler.runUntilDone(first, Duration.ofMinutes(1));
        JobTimeoutException e = failure(first, JobTimeoutException.class);
        assertNull(e.cancelOutcome());
        assertTrue(e.getMessage().endsWith("did not finish within PT10S; it is still running and can be awaited again"),
                e.getMessage());
        assertEquals(0, acme.count(Operation.CANCEL));

        CompletableFuture<VideoResult> second = client.awaitAsync(job.jobId(), Duration.ofMinutes(1));
        scheduler.runUntilDone(second, Duration.ofMinutes(1));
        assertEquals(job.jobId(), value(second).jobId());
        assertEquals(5, acme.count(Operation.POLL));       // one poll loop throughout, not one per await
    }

    @Test
    void cancelOnTimeoutCanBeSwitchedOffFromTheEnvironment() {
        acme.answerPoll(JobStatus.running(null));
        VideoClient client = TestClients.virtual(scheduler, java.util.Map.of("VIDEOGEN4J_CANCEL_ON_TIMEOUT", "false"), acme)
                .build();
        VideoJob job = client.submit(Requests.t2v());

        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofSeconds(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertNull(failure(f, JobTimeoutException.class).cancelOutcome());
        assertEquals(0, acme.count(Operation.CANCEL));
    }

    @Test
    void aProviderThatCannotCancelIsNotAskedToOnTimeout() {
        acme.cancellable(false).answerPoll(JobStatus.running(null));
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());

        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofSeconds(5));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertNull(failure(f, JobTimeoutException.class).cancelOutcome());
        assertEquals(0, acme.count(Operation.CANCEL));
        assertEquals(CancelOutcome.NOT_SUPPORTED, client.cancel(job.jobId()));
        assertEquals(0, acme.count(Operation.CANCEL));
    }

    @Test
    void aFreshClientResumesAJobFromItsStoredIdWithoutSubmittingAgain() {
        acme.acceptSubmit("764cabcf-4c59").answerPoll(JobStatus.running(null));
        String handle = client().submit(Requests.t2v()).jobId().toString();

        // another process, after a restart: a new provider instance and client, only the stored string
        ScriptedProvider restarted = ScriptedProvider.of("acme", clock)
                .answerPoll(JobStatus.running(null), ScriptedProvider.succeededWith("https://cdn.example/v.mp4", null).status());
        restarted.answerResult(ScriptedProvider.output("https://cdn.example/v.mp4", new BigDecimal("0.35")));
        VirtualScheduler otherScheduler = new VirtualScheduler(clock);
        VideoClient later = TestClients.virtual(otherScheduler, restarted).build();

        CompletableFuture<VideoResult> f = later.awaitAsync(JobId.parse(handle), Duration.ofMinutes(10));
        otherScheduler.runUntilDone(f, Duration.ofMinutes(1));

        VideoResult r = value(f);
        assertEquals("764cabcf-4c59", r.jobId().nativeJobId());
        assertEquals(Cost.reported(new BigDecimal("0.35")), r.cost());
        assertEquals(0, restarted.count(Operation.SUBMIT));
        assertEquals(List.of("764cabcf-4c59", "764cabcf-4c59"), restarted.calls(Operation.POLL).stream()
                .map(c -> c.jobId().nativeJobId()).collect(Collectors.toList()));
        assertEquals(List.of(), otherScheduler.failures());
    }

    @Test
    void statusAsksTheProviderNow() {
        acme.answerPoll(JobStatus.running(42));
        VideoClient client = client();
        JobStatus s = client.status(JobId.of("acme", "acme-kling-2.5", "elsewhere"));
        assertEquals(JobStatus.running(42), s);
        assertEquals("elsewhere", acme.calls(Operation.POLL).get(0).jobId().nativeJobId());
    }

    @Test
    void closingTheClientClosesItsProvidersButNotTheCallersScheduler() {
        VideoClient client = client();
        client.close();
        assertTrue(acme.closed());
        assertFalse(scheduler.isShutdown());
    }
}
