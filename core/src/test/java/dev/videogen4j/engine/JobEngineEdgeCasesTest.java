package dev.videogen4j.engine;

import dev.videogen4j.spi.ErrorKind;
import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoJobListener;
import dev.videogen4j.VideoResult;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.JobFailedException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks, listeners that misbehave, and polls that race with a cancel. */
class JobEngineEdgeCasesTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final RecordingListener events = new RecordingListener(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client() {
        return TestClients.virtual(scheduler, acme).pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .listener(events).build();
    }

    private static Instant at(double seconds) {
        return MutableClock.START.plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void aWebhookWithTheVideoCompletesTheJobWithoutWaitingForItsNextPoll() {
        acme.answerPoll(JobStatus.running(null));
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());
        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        scheduler.advanceBy(Duration.ofSeconds(3));

        client.onWebhook(new WebhookEvent("acme", "job-1", JobStatus.succeeded(),
                List.of(GeneratedVideo.of("https://cdn.example/hook.mp4")), Cost.reported(new BigDecimal("0.30"))));

        VideoResult r = value(f);
        assertEquals("https://cdn.example/hook.mp4", r.video().url());
        assertEquals(Cost.reported(new BigDecimal("0.30")), r.cost());
        assertEquals(1, acme.count(Operation.POLL));
        assertEquals(0, scheduler.pending(), "polling stopped");
    }

    @Test
    void aWebhookSayingFailedTriggersAPollAtOnceWhichDecides() {
        acme.answerPoll(JobStatus.running(null), JobStatus.failed(ErrorKind.OTHER, "oom", "out of memory"));
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());
        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        scheduler.advanceBy(Duration.ofSeconds(3));

        client.onWebhook(new WebhookEvent("acme", "job-1", JobStatus.failed(ErrorKind.OTHER, "oom", "out of memory"), List.of(), null));
        scheduler.runDue();

        assertEquals("oom", failure(f, JobFailedException.class).status().code().orElseThrow());
        assertEquals(List.of(at(2), at(3)), acme.times(Operation.POLL));
    }

    @Test
    void aWebhookForAJobNobodyFollowsIsIgnored() {
        VideoClient client = client();
        client.onWebhook(new WebhookEvent("acme", "unknown-job", JobStatus.succeeded(),
                List.of(GeneratedVideo.of("https://cdn.example/x.mp4")), null));
        assertEquals(List.of(), acme.calls());
    }

    @Test
    void aListenerThatThrowsNeverBreaksTheJob() {
        VideoClient client = TestClients.virtual(scheduler, acme).listener(new VideoJobListener() {
            @Override
            public void onStatusChanged(JobId id, JobStatus from, JobStatus to) {
                throw new IllegalStateException("listener bug");
            }
        }).listener(events).build();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals("job-1", value(f).jobId().nativeJobId());
        assertEquals(List.of("0 - -> QUEUED", "2000 QUEUED -> SUCCEEDED"), events.events("->"), "later listeners still called");
    }

    @Test
    void aCancelWhileAPollIsBeingRetriedDoesNotStartASecondPollLoop() {
        acme.failPoll(Failures.http("acme", Operation.POLL, 503)).answerPoll(JobStatus.running(null))
                .answerCancel(CancelOutcome.CANCELLATION_REQUESTED);
        VideoClient client = client();
        VideoJob job = client.submit(Requests.t2v());
        CompletableFuture<VideoResult> f = client.awaitAsync(job.jobId(), Duration.ofMinutes(10));
        scheduler.advanceBy(Duration.ofMillis(2100));     // the 2 s poll failed; its retry waits until 2.5 s

        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, client.cancel(job.jobId()));
        scheduler.advanceBy(Duration.ofSeconds(30));

        assertFalse(f.isDone());
        // one loop: the poll the cancel asked for at 2.1 s goes on 3, 4.5, 6.75, 10 s apart; the retry still pending
        // at 2.5 s is answered and observed, but starts no loop of its own
        assertEquals(List.of(at(2), at(2.1), at(2.5), at(5.1), at(9.6), at(16.35), at(26.35)), acme.times(Operation.POLL));
    }
}
