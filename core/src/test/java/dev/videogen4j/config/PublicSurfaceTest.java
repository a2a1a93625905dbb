package dev.videogen4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.Durations;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.PollBackoff;
import dev.videogen4j.ProviderDirectory;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.VideoResult;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.testing.AlphaProviderFactory;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What tools built on the library (the CLI, the bench) use instead of core's internals. */
class PublicSurfaceTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
    private final ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());

    @Test
    void durationsAreReadAsTheEnvironmentKeysAreWithAMessageThatNamesTheInput() {
        assertEquals(Duration.ofMillis(500), Durations.parse("--timeout", "500ms"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("--timeout", "1.5s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("--timeout", " 2m "));
        assertEquals(Duration.ofHours(1), Durations.parse("--timeout", "1h"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("--timeout", "90"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("--timeout", "PT30S"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Durations.parse("--timeout", "soon"));
        assertEquals("--timeout=soon is not a duration (use 500ms, 30s, 2m, 1h or PT30S)", e.getMessage());
    }

    @Test
    void thePollScheduleIsTheEnginesDefaultAndTheBuilderFollowsAGivenOne() {
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofMillis(6750),
                        Duration.ofSeconds(10), Duration.ofSeconds(10)),
                List.of(0, 1, 2, 3, 4, 5).stream().map(PollBackoff.DEFAULTS::delay).toList());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> new PollBackoff(Duration.ofSeconds(5), 0.5, Duration.ofSeconds(10)));
        assertEquals("poll multiplier must be a finite number >= 1, got 0.5", bad.getMessage());

        acme.answerPoll(JobStatus.running(10), JobStatus.running(20), JobStatus.succeeded());
        VideoClient client = TestClients.virtual(scheduler, acme)
                .pollInterval(new PollBackoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3))).build();
        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(1));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));
        Instant start = MutableClock.START;
        assertEquals(List.of(start.plusSeconds(1), start.plusSeconds(3), start.plusSeconds(6)), acme.times(Operation.POLL));
        client.close();
    }

    @Test
    void theDirectoryListsThePluginsAndTheVariablesTheyAreConfiguredWith() {
        ProviderDirectory found = ProviderDirectory.discover();
        assertEquals(List.of("alpha", "beta"), found.ids());
        assertInstanceOf(AlphaProviderFactory.class, found.get("alpha"));
        assertEquals(List.of("VIDEOGEN4J_ALPHA_API_KEY", "ALPHA_API_KEY"), ProviderDirectory.apiKeyVariables(found.get("alpha")));
        assertEquals("VIDEOGEN4J_MY_AI_", ProviderDirectory.settingPrefix("my-ai"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> found.get("gamma"));
        assertEquals("Unknown provider 'gamma'. Providers found: alpha, beta", e.getMessage());
    }

    @Test
    void statusAsyncAndCancelAsyncAnswerThroughTheirFutures() {
        acme.acceptSubmit("job-1").answerPoll(JobStatus.running(30)).answerCancel(CancelOutcome.CANCELLATION_REQUESTED);
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        VideoJob job = client.submit(Requests.t2v());

        assertEquals(JobStatus.running(30), client.statusAsync(job.jobId()).join());
        assertEquals(CancelOutcome.CANCELLATION_REQUESTED, client.cancelAsync(job.jobId()).join());
        assertEquals(1, acme.count(Operation.CANCEL));

        JobId elsewhere = JobId.of("elsewhere", "m", "1");
        for (CompletableFuture<?> f : List.of(client.statusAsync(elsewhere), client.cancelAsync(elsewhere))) {
            assertTrue(f.isCompletedExceptionally(), "an unconfigured provider fails the future, it throws nothing");
            assertInstanceOf(ConfigurationException.class, assertThrows(CompletionException.class, f::join).getCause());
        }
        client.close();
    }
}
