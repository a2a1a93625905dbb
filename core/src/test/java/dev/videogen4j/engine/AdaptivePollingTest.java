package dev.videogen4j.engine;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.JobId;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TimedJobs;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jobs of a model whose run time the client has learned are polled at their expected end, in virtual time. */
class AdaptivePollingTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private Map<String, Instant> ends = Map.of();

    @AfterEach
    void noBackgroundTaskFailed() {
        assertEquals(List.of(), scheduler.failures());
    }

    /** Every job runs exactly {@code run} from its submit; polls answer by the clock. */
    private void jobsRunFor(Duration run, int jobs) {
        ends = TimedJobs.script(acme, clock, run, 1, jobs);
    }

    // No poll schedule configured at all (TestClients configures the default back-off).
    private VideoClient unconfigured() {
        return VideoClient.builder().environment(Map.of("VIDEOGEN4J_RETRY_JITTER", "0"))
                .clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .providerFactory(acme.factory()).routing("single:acme").build();
    }

    private VideoResult generate(VideoClient client) {
        CompletableFuture<VideoResult> f = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(10));
        return value(f);
    }

    /** Seconds after {@code from} of each poll of {@code job}. */
    private List<Double> pollsOf(String job, Instant from) {
        return acme.calls(Operation.POLL).stream().filter(c -> c.jobId().nativeJobId().equals(job))
                .map(c -> Duration.between(from, c.at()).toMillis() / 1000.0).collect(Collectors.toList());
    }

    private static List<Double> seconds(double from, double step, int count) {
        List<Double> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) out.add(Math.round((from + i * step) * 1000) / 1000.0);
        return out;
    }

    @Test
    void afterALoneFirstJobOnTheBackOffOnePollFindsEachNextJobDone() {
        jobsRunFor(Duration.ofSeconds(10), 3);
        VideoClient client = TestClients.virtual(scheduler, acme).build();

        Instant first = clock.instant();
        generate(client);
        // no history, nobody else waiting: the configured back-off
        assertEquals(List.of(2.0, 5.0, 9.5, 16.25), pollsOf("job-1", first));

        Instant second = clock.instant();
        VideoResult r = generate(client);
        // learned 10 s (half a second into the wide window 9.5..16.25 s), give or take 0.25 s: first poll at
        // that, 0.1 s for a first job's unknown deviation, and 0.1 s past it
        assertEquals(List.of(10.7), pollsOf("job-2", second));
        assertEquals(Duration.ofMillis(10_700), r.timings().total());

        Instant third = clock.instant();
        generate(client);
        assertEquals(1, pollsOf("job-3", third).size());
    }

    @Test
    void aJobLaterThanUsualIsPolledEveryHalfSecond() {
        jobsRunFor(Duration.ofSeconds(10), 1);
        acme.answerSubmit(ctx -> {
            ends.put("job-2", clock.instant().plusSeconds(12));
            return new SubmitReceipt(JobId.of("acme", ctx.model().id(), "job-2"), null);
        });
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        generate(client);

        Instant second = clock.instant();
        generate(client);
        assertEquals(seconds(10.7, 0.5, 4), pollsOf("job-2", second));
    }

    @Test
    void aBurstIntoAFreshClientWaitsOnItsScoutAndIsReplannedWhenItFindsTheRunTime() {
        jobsRunFor(Duration.ofSeconds(5), 5);
        VideoClient client = unconfigured();
        Instant start = clock.instant();
        List<CompletableFuture<VideoResult>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) all.add(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)));
        scheduler.runUntil(() -> all.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(10));

        // the scout: every half second
        assertEquals(seconds(0.5, 0.5, 10), pollsOf("job-1", start));
        for (int i = 2; i <= 5; i++) {
            // no back-off round (2 s, 5 s) while the scout runs, only the ceiling (10 s) as a safety net; when the
            // scout ends (seen at 5 s) their poll moves up to the first-poll time, 4.75 s and a margin of 0.45 s
            assertEquals(List.of(5.2), pollsOf("job-" + i, start), "job-" + i);
            assertEquals(Duration.ofMillis(5_200), value(all.get(i - 1)).timings().total());
        }
    }

    @Test
    void underAConfiguredScheduleOnlyABurstScoutsNeverFasterThanTheFirstDelayAndTheOthersKeepTheBackOff() {
        jobsRunFor(Duration.ofSeconds(10), 2);
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        Instant start = clock.instant();
        List<CompletableFuture<VideoResult>> all = List.of(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)),
                client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)));
        scheduler.runUntil(() -> all.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(10));
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0), pollsOf("job-1", start));
        // the job waiting on it keeps the configured back-off; the scout saw the end at 10 s, within a wide
        // window, so job-2 is overdue by then: polled at once
        assertEquals(List.of(2.0, 5.0, 9.5, 10.0), pollsOf("job-2", start));
    }

    @Test
    void withTheDefaultScheduleALoneFirstJobScoutsAndTheNextIsFoundDoneByOnePoll() {
        jobsRunFor(Duration.ofSeconds(10), 2);
        VideoClient client = unconfigured();
        Instant first = clock.instant();
        generate(client);
        assertEquals(seconds(0.5, 0.5, 20), pollsOf("job-1", first));

        Instant second = clock.instant();
        VideoResult r = generate(client);
        // learned 9.75 s give or take 0.25 s: first poll 0.45 s later
        assertEquals(List.of(10.2), pollsOf("job-2", second));
        assertEquals(Duration.ofMillis(10_200), r.timings().total());
    }

    @Test
    void aSlowSubmitDoesNotCountAsRunTime() {
        // the first submit takes 3 s to be answered (a cold connection); its job then runs 10 s
        acme.answerSubmit(ctx -> {
            clock.advance(Duration.ofSeconds(3));
            ends.put("job-1", clock.instant().plusSeconds(10));
            return new SubmitReceipt(JobId.of("acme", ctx.model().id(), "job-1"), null);
        });
        acme.answerSubmit(ctx -> {
            ends.put("job-2", clock.instant().plusSeconds(10));
            return new SubmitReceipt(JobId.of("acme", ctx.model().id(), "job-2"), null);
        });
        jobsRunFor(Duration.ofSeconds(10), 0);
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        generate(client);

        Instant second = clock.instant();
        generate(client);
        // learned 10 s from the answer, not 13 s from the sending: the same first poll as after a quick submit
        assertEquals(List.of(10.7), pollsOf("job-2", second));
    }

    @Test
    void aPlannedFirstPollWaitsWhenANeighbourEndedLaterThanTheEstimateMeanwhile() {
        jobsRunFor(Duration.ofSeconds(10), 1);
        for (String id : List.of("job-2", "job-3")) {
            acme.answerSubmit(ctx -> {
                ends.put(id, clock.instant().plusSeconds(11));      // these run 11 s
                return new SubmitReceipt(JobId.of("acme", ctx.model().id(), id), null);
            });
        }
        VideoClient client = TestClients.virtual(scheduler, acme).build();
        generate(client);                                            // learned 10 s, margin 0.7 s
        Instant second = clock.instant();
        CompletableFuture<VideoResult> two = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.advanceBy(Duration.ofSeconds(1));
        CompletableFuture<VideoResult> three = client.generateAsync(Requests.t2v(), Duration.ofMinutes(10));
        scheduler.runUntil(() -> two.isDone() && three.isDone(), Duration.ofMinutes(10));

        // job-2 aims at 10.7 s, finds it running, finds it done at 11.2 s: the estimate moves up
        assertEquals(List.of(10.7, 11.2), pollsOf("job-2", second));
        // job-3 was planned for 10.7 s too; when that came, job-2's end had moved the first poll past 11 s
        List<Double> third = pollsOf("job-3", second.plusSeconds(1));
        assertEquals(1, third.size(), "job-3 polled at " + third);
        assertTrue(third.get(0) > 11.0, "job-3 polled at " + third);
    }

    @Test
    void aLateJobsDensePollsAreNotPostponedWhenItsNeighboursEndsMoveTheEstimate() {
        jobsRunFor(Duration.ofSeconds(10), 1);
        List<String> late = List.of("job-2", "job-3", "job-4", "job-5");
        for (String id : late) {
            acme.answerSubmit(ctx -> {
                ends.put(id, clock.instant().plusSeconds(12));      // sent together, all run 12 s
                return new SubmitReceipt(JobId.of("acme", ctx.model().id(), id), null);
            });
        }
        VideoClient client = unconfigured();
        generate(client);                                            // the scout: 9.75 s, first poll 0.45 s later
        Instant second = clock.instant();
        List<CompletableFuture<VideoResult>> all = new java.util.ArrayList<>();
        for (int i = 0; i < late.size(); i++) all.add(client.generateAsync(Requests.t2v(), Duration.ofMinutes(10)));
        scheduler.runUntil(() -> all.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(10));

        // the first ends, seen at 12.2 s, move the estimate up, and past 12.2 s by the third; the others, polled
        // in the same instant, are not sent to that new first-poll time (a second late): they are as late
        for (String id : late) assertEquals(seconds(10.2, 0.5, 5), pollsOf(id, second), id);
    }

    @Test
    void learningSwitchedOffKeepsTheConfiguredBackOff() {
        jobsRunFor(Duration.ofSeconds(10), 2);
        VideoClient client = TestClients.virtual(scheduler, Map.of("VIDEOGEN4J_POLL_ADAPTIVE", "false"), acme).build();
        generate(client);

        Instant second = clock.instant();
        generate(client);
        assertEquals(List.of(2.0, 5.0, 9.5, 16.25), pollsOf("job-2", second));
    }
}
