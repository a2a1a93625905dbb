package dev.videogen4j.jobs;

import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.SubmissionUncertainException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.RecordingListener;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job record is written before the first byte of a submit is sent and at every transition after; an uncertain
 * submit is a record, settled by a poll of its submission id (Runware) or by the webhook that carries it (fal).
 */
class WriteAheadTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final InMemoryJobStore store = new InMemoryJobStore();

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client(ScriptedProvider p, RecordingListener listener) {
        return TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "2"), p).jobStore(store)
                .pollInterval(Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2)).listener(listener).build();
    }

    private JobRecord only(RecordState state) {
        List<JobRecord> found = store.findByState(Set.of(state), 10);
        assertEquals(1, found.size(), "records in " + state + ": " + found);
        return found.get(0);
    }

    @Test
    void theRecordIsStoredBeforeTheSubmitIsSentAndEveryTransitionAfterIt() {
        AtomicReference<Optional<JobRecord>> atSend = new AtomicReference<>();
        acme.answerSubmit(ctx -> {
            atSend.set(store.findBySubmissionId("acme", ctx.submissionId()));
            return new SubmitReceipt(JobId.of("acme", ctx.model().id(), "job-1"), 3);
        }).answerPoll(JobStatus.running(40)).answerPoll(ScriptedProvider.succeededWith("https://videos.example/1.mp4",
                new BigDecimal("0.42")));
        VideoClient client = client(acme, new RecordingListener(clock));

        var f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(5));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        JobRecord sending = atSend.get().orElseThrow(() -> new AssertionError("no record when the submit was sent"));
        assertEquals(RecordState.SUBMITTING, sending.state());
        assertEquals(1, sending.attempts());
        assertEquals(null, sending.nativeJobId());
        JobRecord done = only(RecordState.SUCCEEDED);
        assertEquals(sending.id(), done.id());
        assertEquals("job-1", done.nativeJobId());
        assertEquals(List.of("https://videos.example/1.mp4"), done.videos().stream().map(GeneratedVideo::url).toList());
        assertEquals(Cost.reported(new BigDecimal("0.42")), done.actualCost());
        assertEquals(MutableClock.START, done.acceptedAt());
        assertEquals(MutableClock.START.plusSeconds(2), done.startedAt(), "the RUNNING poll was recorded");
        assertEquals(MutableClock.START.plusSeconds(4), done.endedAt());
        assertEquals(value(f).jobId(), done.jobId().orElseThrow());
        assertTrue(done.version() >= 4, "every transition is a write: " + done.version());

        List<SpendTotal> spend = client.spend(MutableClock.START, MutableClock.START.plusSeconds(60));
        assertEquals(1, spend.size());
        assertEquals(1, spend.get(0).jobs());
        assertEquals(0, spend.get(0).actual().compareTo(new BigDecimal("0.42")));
        assertEquals(done.quotedCost(), spend.get(0).quoted());
    }

    @Test
    void anUncertainSubmitIsARecordAndTheWebhookCarryingItsSubmissionIdCompletesItOnAnotherInstance() {
        acme.failSubmit(Failures.readTimeout("acme", Operation.SUBMIT));
        VideoClient a = client(acme, new RecordingListener(clock));
        var submitted = a.submitAsync(Requests.t2v().toBuilder().webhookUrl("https://app.example/hooks/acme").build());
        SubmissionUncertainException e = failure(submitted, SubmissionUncertainException.class);
        assertEquals("acme", e.providerId());

        JobRecord uncertain = only(RecordState.UNCERTAIN);
        assertEquals(uncertain.id(), e.recordId().orElseThrow(), "the exception names the record");
        assertEquals(uncertain.submissionId(), e.submissionId().orElseThrow(), "and the webhook's token");
        assertTrue(uncertain.lastError().contains("timeout"), uncertain.lastError());
        assertEquals(null, uncertain.nativeJobId(), "fal-like: nobody knows the job id yet");
        String sentTo = acme.calls(Operation.SUBMIT).get(0).request().webhookUrl();
        assertEquals("https://app.example/hooks/acme?vg_submission=" + uncertain.submissionId(), sentTo);
        scheduler.advanceBy(Duration.ofMinutes(30));
        assertEquals(RecordState.UNCERTAIN, store.get(uncertain.id()).orElseThrow().state(), "never dropped");
        assertEquals(0, acme.count(Operation.POLL), "nothing to poll without a job id");

        ScriptedProvider acmeOnB = ScriptedProvider.of("acme", clock);
        RecordingListener seenOnB = new RecordingListener(clock);
        VideoClient b = client(acmeOnB, seenOnB);
        WebhookEvent notice = new WebhookEvent("acme", "req-77", JobStatus.succeeded(),
                List.of(GeneratedVideo.of("https://cdn.example/77.mp4")), Cost.reported(new BigDecimal("0.30")))
                .withSubmissionFrom(sentTo);
        b.onWebhook(notice);
        b.onWebhook(notice);

        JobRecord done = store.get(uncertain.id()).orElseThrow();
        assertEquals(RecordState.SUCCEEDED, done.state());
        assertEquals("req-77", done.nativeJobId());
        assertNotNull(done.acceptedAt(), "an end that came first still says when the job was known to exist");
        assertEquals(1, seenOnB.events("completed").size(), "the same notice twice completes it once");
        VideoResult r = value(b.awaitAsync(done.jobId().orElseThrow(), Duration.ofMinutes(1)));
        assertEquals("https://cdn.example/77.mp4", r.video().url());
        assertEquals(Cost.reported(new BigDecimal("0.30")), r.cost());
        assertEquals(List.of(), acmeOnB.calls(), "read from the store: no vendor call");
    }

    @Test
    void anUncertainSubmitWhoseJobIdIsItsSubmissionIdIsSettledByPollingIt() {
        acme.deduplicatingSubmits(true).jobIdIsSubmissionId().failSubmit(Failures.readTimeout("acme", Operation.SUBMIT),
                Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = client(acme, new RecordingListener(clock));
        var submitted = client.submitAsync(Requests.t2v());
        scheduler.runUntilDone(submitted, Duration.ofMinutes(1));
        failure(submitted, SubmissionUncertainException.class);
        JobRecord uncertain = only(RecordState.UNCERTAIN);
        assertEquals(uncertain.submissionId(), uncertain.nativeJobId());
        assertEquals(2, uncertain.attempts(), "both sends are counted");

        scheduler.advanceBy(Duration.ofSeconds(10));

        JobRecord settled = store.get(uncertain.id()).orElseThrow();
        assertEquals(RecordState.SUCCEEDED, settled.state());
        assertEquals(uncertain.submissionId(), acme.calls(Operation.POLL).get(0).jobId().nativeJobId());
        assertNotNull(settled.endedAt());
        assertEquals(1, settled.videos().size());
    }

    @Test
    void aWebhookOnAnotherInstanceEndsTheJobAndTheFirstStoredEndWinsEverywhere() {
        acme.answerPoll(JobStatus.running(null), JobStatus.running(null))
                .answerPoll(ScriptedProvider.succeededWith("https://videos.example/polled.mp4", null));
        VideoClient a = client(acme, new RecordingListener(clock));
        VideoJob job = value(a.submitAsync(Requests.t2v()));
        var onA = a.awaitAsync(job.jobId(), Duration.ofMinutes(5));
        scheduler.advanceBy(Duration.ofSeconds(3));

        RecordingListener seenOnB = new RecordingListener(clock);
        VideoClient b = client(ScriptedProvider.of("acme", clock), seenOnB);
        b.onWebhook(new WebhookEvent("acme", job.jobId().nativeJobId(), JobStatus.succeeded(),
                List.of(GeneratedVideo.of("https://cdn.example/hook.mp4")), Cost.reported(new BigDecimal("0.30"))));
        scheduler.runUntilDone(onA, Duration.ofMinutes(1));

        assertEquals("https://cdn.example/hook.mp4", value(onA).video().url(), "A's own poll read the stored end");
        assertEquals(Cost.reported(new BigDecimal("0.30")), value(onA).cost());
        assertEquals(1, seenOnB.events("completed").size());
        assertEquals(RecordState.SUCCEEDED, only(RecordState.SUCCEEDED).state());
    }
}
