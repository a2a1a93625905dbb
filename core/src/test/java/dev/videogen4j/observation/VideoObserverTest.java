package dev.videogen4j.observation;

import static dev.videogen4j.testing.Futures.failure;
import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.AuthenticationException;
import dev.videogen4j.error.ProviderUnavailableException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.Failures;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an observer sees of calls, jobs and the circuit breaker — in virtual time, on the test thread. */
class VideoObserverTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final RecordingObserver seen = new RecordingObserver(clock);

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    private VideoClient client(Map<String, String> env) {
        return TestClients.virtual(scheduler, env, acme)
                .pollInterval(Duration.ofSeconds(2), 1.5, Duration.ofSeconds(10))
                .observer(seen)
                .build();
    }

    @Test
    void aJobIsSeenFromItsSubmitThroughEveryCallToItsEndWithTimingsAndCost() {
        acme.acceptSubmit("job-1", 4)
                .failPoll(Failures.http("acme", Operation.POLL, 503))
                .answerPoll(JobStatus.running(50), JobStatus.succeeded())
                .answerResult(ScriptedProvider.output("https://cdn.example/job-1.mp4", new BigDecimal("0.30")));
        VideoClient client = client(Map.of("VIDEOGEN4J_RETRY_INITIAL_BACKOFF", "1s"));

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));
        value(f);

        assertEquals(List.of(
                "0.0 job acme/acme-kling-2.5 kling-2.5-turbo TEXT_TO_VIDEO quoted 0.35",
                "0.0 call acme submit#1", "0.0 end acme submit#1 SUCCEEDED 0ms", "0.0 accepted job-1",
                "2.0 call acme poll#1", "2.0 end acme poll#1 FAILED UNAVAILABLE 0ms",
                "3.0 call acme poll#2", "3.0 end acme poll#2 SUCCEEDED 0ms", "3.0 running",
                "6.0 call acme poll#1", "6.0 end acme poll#1 SUCCEEDED 0ms",
                "6.0 call acme result#1", "6.0 end acme result#1 SUCCEEDED 0ms",
                "6.0 succeeded $0.3 (reported) queue 3000 run 3000 total 6000"), seen.lines);
    }

    @Test
    void aRejectedSubmitEndsTheJobAsNotSubmittedWithTheErrorKind() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 401));
        VideoClient client = client(Map.of());

        CompletableFuture<?> f = client.submitAsync(Requests.t2v());
        scheduler.runUntilDone(f, Duration.ofMinutes(1));
        failure(f, AuthenticationException.class);

        assertEquals(List.of(
                "0.0 job acme/acme-kling-2.5 kling-2.5-turbo TEXT_TO_VIDEO quoted 0.35",
                "0.0 call acme submit#1", "0.0 end acme submit#1 FAILED AUTHENTICATION 0ms",
                "0.0 failed NOT_SUBMITTED AUTHENTICATION total 0"), seen.lines);
    }

    @Test
    void anOpenCircuitIsAnEventAStateAndACallRefusedWithoutSending() {
        acme.failSubmit(Failures.http("acme", Operation.SUBMIT, 503));
        VideoClient client = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1",
                "VIDEOGEN4J_CIRCUIT_WINDOW", "1", "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "1"));
        assertEquals(CircuitState.CLOSED, client.circuitState("acme"));

        for (int i = 0; i < 2; i++) {
            CompletableFuture<?> f = client.submitAsync(Requests.t2v());
            scheduler.runUntilDone(f, Duration.ofMinutes(1));
            failure(f, ProviderUnavailableException.class);
        }

        assertEquals(CircuitState.OPEN, client.circuitState("acme"));
        assertEquals(1, acme.count(Operation.SUBMIT));
        assertEquals(List.of(
                "0.0 job acme/acme-kling-2.5 kling-2.5-turbo TEXT_TO_VIDEO quoted 0.35",
                "0.0 call acme submit#1", "0.0 circuit acme CLOSED -> OPEN",
                "0.0 end acme submit#1 FAILED UNAVAILABLE 0ms", "0.0 failed NOT_SUBMITTED UNAVAILABLE total 0",
                "0.0 job acme/acme-kling-2.5 kling-2.5-turbo TEXT_TO_VIDEO quoted 0.35",
                "0.0 call acme submit#1", "0.0 end acme submit#1 REFUSED UNAVAILABLE 0ms",
                "0.0 failed NOT_SUBMITTED UNAVAILABLE total 0"), seen.lines);
    }

    @Test
    void aResumedJobIsSeenWithItsIdAndNoQuote() {
        acme.answerPoll(JobStatus.succeeded());
        VideoClient client = client(Map.of());

        CompletableFuture<VideoResult> f = client.awaitAsync(JobId.of("acme", "acme-kling-2.5", "old-7"),
                Duration.ofMinutes(1));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));
        value(f);

        assertEquals("0.0 job acme/acme-kling-2.5 kling-2.5-turbo null quoted - resumed old-7", seen.lines.get(0));
        assertEquals("0.0 succeeded unknown queue 0 run 0 total 0", seen.lines.get(seen.lines.size() - 1));
    }

    @Test
    void anObserverThatThrowsBreaksNothing() {
        VideoClient client = TestClients.virtual(scheduler, acme).observer(new VideoObserver() {
            @Override public JobObservation jobStarted(JobStart job) {
                throw new IllegalStateException("boom");
            }

            @Override public CallObservation callStarted(ProviderCall call) {
                return end -> {
                    throw new IllegalStateException("boom");
                };
            }
        }).observer(seen).build();

        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(1));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));

        assertEquals("https://videos.example/job-1.mp4", value(f).video().url());
        assertEquals("succeeded", seen.lines.get(seen.lines.size() - 1).split(" ")[1]);
    }
}
