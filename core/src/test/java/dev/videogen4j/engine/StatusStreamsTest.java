package dev.videogen4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.CancelOutcome;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.StatusStreamer;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs followed on a provider's status stream: the end arrives on the stream and the result is read at once; a
 * stream that breaks, ends early, sends garbage or runs too long hands the job to polling, which finds it.
 * Streams read on their own threads; the test waits for each job's future, then drives virtual time.
 */
class StatusStreamsTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final List<JobId> streamed = new ArrayList<>();
    private Function<Predicate<JobStatus>, Optional<JobUpdate>> stream = listener -> Optional.empty();
    private VideoClient client;

    @AfterEach
    void close() {
        if (client != null) client.close();
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client(int streams) {
        return client(Map.of("VIDEOGEN4J_STATUS_STREAMS", String.valueOf(streams)));
    }

    // TestClients' wiring (virtual time, calls inline), with the streaming provider in the scripted one's place.
    private VideoClient client(Map<String, String> env) {
        return client(env, Runnable::run);
    }

    private VideoClient client(Map<String, String> env, java.util.concurrent.Executor calls) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("VIDEOGEN4J_RETRY_JITTER", "0");
        // a first poll no sooner than 5 s: a poll within a second of a stream's end is the hand-over's, not the schedule's
        all.put("VIDEOGEN4J_POLL_INITIAL_DELAY", "5s");
        all.put("VIDEOGEN4J_POLL_MAX_DELAY", "10s");
        client = VideoClient.builder().environment(all).clock(clock).scheduler(scheduler).callExecutor(calls)
                .providerFactory(new Streaming().factory()).routing("single:acme").build();
        return client;
    }

    private VideoResult await(CompletableFuture<VideoResult> f) throws Exception {
        for (int i = 0; i < 500 && !f.isDone(); i++) {
            try {
                // the reader thread needs microseconds; this real wait only keeps virtual time from racing it
                return f.get(50, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                scheduler.advanceBy(Duration.ofSeconds(1));
            }
        }
        return f.get(1, TimeUnit.SECONDS);
    }

    @Test
    void theEndArrivesOnTheStreamAndTheResultIsReadAtOnceWithoutPolling() throws Exception {
        acme.acceptSubmit("job-1").answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        stream = listener -> {
            listener.test(JobStatus.queued(1));
            listener.test(JobStatus.running(null));
            return Optional.of(JobUpdate.of(JobStatus.succeeded()));
        };
        VideoResult r = await(client(4).generateAsync(Requests.t2v(), Duration.ofMinutes(10)));

        assertEquals("https://cdn.example/job-1.mp4", r.videos().get(0).url());
        assertEquals(List.of(Operation.SUBMIT, Operation.RESULT),
                acme.calls().stream().map(ScriptedProvider.Call::operation).toList());
        assertEquals(1, streamed.size());
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aBlockingGenerateReadsTheResultItselfWhenTheStreamEnds() {
        acme.acceptSubmit("job-1").answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        stream = listener -> Optional.of(JobUpdate.of(JobStatus.succeeded()));
        java.util.concurrent.atomic.AtomicInteger handedOver = new java.util.concurrent.atomic.AtomicInteger();
        VideoResult r = client(Map.of("VIDEOGEN4J_STATUS_STREAMS", "4"), call -> {
            handedOver.incrementAndGet();
            call.run();
        }).generate(Requests.t2v(), Duration.ofMinutes(10));

        assertEquals("https://cdn.example/job-1.mp4", r.videos().get(0).url());
        assertEquals(List.of(Operation.SUBMIT, Operation.RESULT),
                acme.calls().stream().map(ScriptedProvider.Call::operation).toList());
        assertEquals(0, handedOver.get(), "the waiting caller read the result, not a call thread");
    }

    @Test
    void aStreamThatEndsWithoutTheJobsEndHandsItToAPollAtOnce() throws Exception {
        acme.acceptSubmit("job-1").answerPoll(JobUpdate.of(JobStatus.succeeded()))
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> dropped = new java.util.concurrent.atomic.AtomicReference<>();
        stream = listener -> {
            listener.test(JobStatus.running(null));
            dropped.set(clock.instant());
            return Optional.empty();          // the connection dropped mid-way
        };
        VideoResult r = await(client(4).generateAsync(Requests.t2v(), Duration.ofMinutes(10)));

        assertEquals("https://cdn.example/job-1.mp4", r.videos().get(0).url());
        assertEquals(1, acme.count(Operation.POLL));
        // at once: in the same virtual instant, or (should the test thread's clock steps race the reader thread)
        // within one of its 1 s steps; a scheduled poll would come 5 s later
        long after = Duration.between(dropped.get(), acme.times(Operation.POLL).get(0)).toMillis();
        assertTrue(after <= 1_000, "polled " + after + " ms after the stream dropped");
    }

    @Test
    void anUnreadableStreamIsNotAnErrorOfTheJobItIsPolledInstead() throws Exception {
        acme.acceptSubmit("job-1").answerPoll(JobUpdate.of(JobStatus.succeeded()))
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        stream = listener -> {
            throw Failures.unparseable("acme", Operation.POLL, 200);
        };
        VideoResult r = await(client(4).generateAsync(Requests.t2v(), Duration.ofMinutes(10)));

        assertEquals("https://cdn.example/job-1.mp4", r.videos().get(0).url());
        assertEquals(1, acme.count(Operation.POLL));
    }

    @Test
    void aStreamThatNeverEndsIsLeftAfterThirtyMinutesAndTheJobPolled() throws Exception {
        acme.acceptSubmit("job-1").answerPoll(JobUpdate.of(JobStatus.succeeded()))
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        List<Integer> events = new ArrayList<>();
        stream = listener -> {
            // a running status every minute, for ever, until the engine says stop
            for (int i = 1; ; i++) {
                clock.advance(Duration.ofMinutes(1));
                if (!listener.test(JobStatus.running(null))) {
                    events.add(i);
                    return Optional.empty();
                }
            }
        };
        VideoResult r = await(client(4).generateAsync(Requests.t2v(), Duration.ofHours(2)));

        assertEquals("https://cdn.example/job-1.mp4", r.videos().get(0).url());
        assertEquals(List.of(30), events);
        assertEquals(1, acme.count(Operation.POLL));
    }

    @Test
    void jobsBeyondTheStreamBudgetArePolled() throws Exception {
        acme.acceptSubmit("job-1").acceptSubmit("job-2").answerPoll(JobUpdate.of(JobStatus.succeeded()))
                .answerResult(ScriptedProvider.output("https://cdn.example/v.mp4", null));
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        stream = listener -> {
            try {
                hold.await(5, TimeUnit.SECONDS);      // the first job's stream stays open while the second is sent
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(JobUpdate.of(JobStatus.succeeded()));
        };
        VideoClient c = client(1);
        CompletableFuture<VideoResult> first = c.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        CompletableFuture<VideoResult> second = c.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        await(second);
        hold.countDown();
        await(first);

        assertEquals(List.of("job-1"), streamed.stream().map(JobId::nativeJobId).toList());
        assertTrue(acme.calls(Operation.POLL).stream().allMatch(call -> call.jobId().nativeJobId().equals("job-2")));
    }

    @Test
    void besideACallPoolAtItsMaximumOnlyFourStreamsTakeAThreadAndTheOtherJobsArePolled() throws Exception {
        if (dev.videogen4j.internal.IoThreads.virtual()) return;   // virtual readers hold no platform thread
        assertEquals(List.of(4, 2), streamedBeside(48, 6, false), "[streamed, polls]");
    }

    @Test
    void jobsAcceptedAtOnceOnManyCallThreadsStillTakeOnlyTheRoomThereIs() throws Exception {
        if (dev.videogen4j.internal.IoThreads.virtual()) return;
        // 24 submits accepted together on the call threads, each asking for a stream at the same moment
        assertEquals(List.of(4, 20), streamedBeside(48, 24, true), "[streamed, polls]");
    }

    @Test
    void besideQuietCallsEveryJobWithinTheBudgetIsStreamed() throws Exception {
        assertEquals(List.of(6, 0), streamedBeside(0, 6, false), "[streamed, polls]");
    }

    // `count` jobs whose streams stay open until all were sent, through a client whose call pool already holds
    // `liveCalls` threads (of at most 48), sent one after the other or all at once: how many were streamed, and
    // how many polls the client sent.
    private List<Integer> streamedBeside(int liveCalls, int count, boolean atOnce) throws Exception {
        java.util.concurrent.ThreadPoolExecutor calls = new java.util.concurrent.ThreadPoolExecutor(liveCalls, 48,
                30, TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>());
        calls.prestartAllCoreThreads();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 1; i <= count; i++) acme.acceptSubmit("job-" + i);
            for (int i = 1; i <= count; i++) acme.answerPoll(JobUpdate.of(JobStatus.succeeded()));
            for (int i = 1; i <= count; i++) acme.answerResult(ScriptedProvider.output("https://cdn.example/v.mp4", null));
            stream = listener -> {
                try {
                    hold.await(5, TimeUnit.SECONDS);   // every stream stays open until all were sent
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(JobUpdate.of(JobStatus.succeeded()));
            };
            VideoClient c = client(Map.of("VIDEOGEN4J_STATUS_STREAMS", "32"), calls);
            List<CompletableFuture<dev.videogen4j.VideoJob>> jobs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                jobs.add(c.submitAsync(Requests.t2v()));
                if (!atOnce) jobs.get(i).get(5, TimeUnit.SECONDS);   // one at a time: each sees the streams before it
            }
            for (CompletableFuture<dev.videogen4j.VideoJob> j : jobs) j.get(5, TimeUnit.SECONDS);
            hold.countDown();
            for (CompletableFuture<dev.videogen4j.VideoJob> j : jobs) await(c.awaitAsync(j.get().jobId(), Duration.ofMinutes(10)));
            synchronized (streamed) {
                return List.of(streamed.size(), acme.count(Operation.POLL));
            }
        } finally {
            hold.countDown();
            calls.shutdownNow();
        }
    }

    @Test
    void streamsAreOffByDefaultWhenTheApplicationDrivesTime() throws Exception {
        acme.acceptSubmit("job-1").answerPoll(JobUpdate.of(JobStatus.succeeded()))
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", null));
        await(client(Map.of()).generateAsync(Requests.t2v(), Duration.ofMinutes(10)));
        assertEquals(List.of(), streamed);
        assertEquals(1, acme.count(Operation.POLL));
    }

    /** The scripted provider, with a status stream this test scripts. */
    private final class Streaming implements VideoProvider, TextToVideo, ImageToVideo, StatusStreamer {
        @Override
        public Optional<JobUpdate> streamStatus(JobId id, Predicate<JobStatus> onStatus) {
            synchronized (streamed) {
                streamed.add(id);
            }
            return stream.apply(onStatus);
        }

        VideoProviderFactory factory() {
            VideoProviderFactory inner = acme.factory();
            Streaming self = this;
            return ScriptedProvider.handingOut("acme", c -> {
                inner.create(c);
                return self;
            });
        }

        @Override public String id() { return acme.id(); }
        @Override public List<ModelCapabilities> models() { return acme.models(); }
        @Override public JobUpdate poll(JobId id) { return acme.poll(id); }
        @Override public ProviderOutput result(JobId id) { return acme.result(id); }
        @Override public CancelOutcome cancel(JobId id) { return acme.cancel(id); }
        @Override public SubmitReceipt submit(TextToVideoRequest r, SubmitContext c) { return acme.submit(r, c); }
        @Override public SubmitReceipt submit(ImageToVideoRequest r, SubmitContext c) { return acme.submit(r, c); }
    }
}
