package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.testing.JitteredScheduler;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N1's shape in virtual time: a fresh client's first job of a model alone (its scout), then 100 jobs of the same
 * length in waves of 20 over 30 s, timers firing up to 30 ms late. Every one of the 100 first polls is planned
 * from the scout's estimate before any of them ends, so the scout must bound the run time to within its dense
 * step, and the margin must cover where in that step the end was: a 120 s scout polled at a thirtieth of its age
 * (4 s apart) left whole waves polled early, each then costing 3-5 polls.
 */
class WavesAfterAScoutTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler virtual = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final Map<String, Instant> ends = new ConcurrentHashMap<>();
    private final Map<String, Instant> submitted = new ConcurrentHashMap<>();

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), virtual.failures());
    }

    private void jobsRunFor(Duration run) {
        for (int i = 0; i <= 100; i++) {
            String id = "job-" + i;
            acme.answerSubmit(ctx -> {
                submitted.put(id, clock.instant());
                ends.put(id, clock.instant().plus(run));
                return new SubmitReceipt(JobId.of("acme", ctx.model().id(), id), null);
            });
        }
        acme.answerPollsBy(job -> clock.instant().isBefore(ends.get(job.nativeJobId()))
                ? JobUpdate.of(JobStatus.running(null))
                : ScriptedProvider.succeededWith("https://cdn.example/" + job.nativeJobId() + ".mp4", null));
    }

    private VideoClient client(long seed) {
        return VideoClient.builder().environment(Map.of("VIDEOGEN4J_RETRY_JITTER", "0"))
                .clock(clock).scheduler(new JitteredScheduler(virtual, 30, seed)).callExecutor(Runnable::run)
                .providerFactory(acme.factory()).routing("single:acme").build();
    }

    /** Runs the scout, then the waves; the notice delay of each of the 100 jobs, in milliseconds. */
    private List<Long> scoutThenWaves(VideoClient client, Duration run, Duration spread) {
        CompletableFuture<VideoResult> scout = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        virtual.runUntilDone(scout, Duration.ofMinutes(10));
        List<CompletableFuture<VideoResult>> jobs = new ArrayList<>();
        for (int w = 0; w < 5; w++) {
            virtual.schedule(() -> {
                for (int i = 0; i < 20; i++) jobs.add(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)));
            }, spread.toMillis() * w / 4, TimeUnit.MILLISECONDS);
        }
        virtual.runUntil(() -> jobs.size() == 100 && jobs.stream().allMatch(CompletableFuture::isDone),
                Duration.ofMinutes(10));
        List<Long> delays = new ArrayList<>();
        for (CompletableFuture<VideoResult> f : jobs) {
            VideoResult r = value(f);
            delays.add(r.timings().total().minus(run).toMillis());
        }
        return delays;
    }

    private long pollsOf(String job) {
        return acme.calls(Operation.POLL).stream().filter(c -> c.jobId().nativeJobId().equals(job)).count();
    }

    private long pollsAfterTheScout() {
        return acme.calls(Operation.POLL).size() - pollsOf("job-0");
    }

    private void eachFoundDoneByOnePollWithinASecond(Duration run, Duration spread, long seed) {
        jobsRunFor(run);
        List<Long> delays = scoutThenWaves(client(seed), run, spread);
        // the scout's end is known within a dense step: its last two polls about half a second apart (a 240th
        // of its age past two minutes, and the jitter)
        List<Instant> scout = acme.calls(Operation.POLL).stream().filter(c -> c.jobId().nativeJobId().equals("job-0"))
                .map(ScriptedProvider.Call::at).collect(Collectors.toList());
        assertTrue(Duration.between(scout.get(scout.size() - 2), scout.get(scout.size() - 1)).toMillis() <= 560);
        assertEquals(100, pollsAfterTheScout(), "polls of the 100 jobs");
        assertTrue(delays.stream().allMatch(d -> d >= 0 && d < 1_000), "notice delays (ms): " + delays);
    }

    /** N1's 120 s run; the seed varies the jitter and puts the jobs' end at another point of the scout's polls. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void twoMinuteJobsInWavesAreEachFoundDoneByOnePoll(long seed) {
        eachFoundDoneByOnePollWithinASecond(Duration.ofSeconds(120).plusMillis(seed * 437), Duration.ofSeconds(30),
                seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void tenSecondJobsInWavesAreEachFoundDoneByOnePoll(long seed) {
        eachFoundDoneByOnePollWithinASecond(Duration.ofSeconds(10).plusMillis(seed * 113), Duration.ofSeconds(10), seed);
    }
}
