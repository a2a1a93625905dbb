package dev.videogen4j.testing;

import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.SubmitReceipt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripts a {@link ScriptedProvider} whose jobs {@code job-first} .. {@code job-last} each run exactly {@code run}
 * from their submit, and whose polls answer by the clock: running before a job's end, done with its video after.
 *
 * <pre>{@code
 * Map<String, Instant> ends = TimedJobs.script(acme, clock, Duration.ofSeconds(10), 1, 3);
 * ends.put("job-2", clock.instant().plusSeconds(12));   // a job that runs late
 * TimedJobs.scriptOnTheWire(acme, clock, Duration.ofSeconds(10), 0, 100, Duration.ofMillis(1_600), Duration.ZERO);
 * }</pre>
 */
public final class TimedJobs {
    private TimedJobs() {
    }

    /** The jobs' ends by native id, filled as they are submitted; a test may move one. */
    public static Map<String, Instant> script(ScriptedProvider provider, Clock clock, Duration run, int first, int last) {
        Map<String, Instant> ends = new ConcurrentHashMap<>();
        for (int i = first; i <= last; i++) {
            String id = "job-" + i;
            provider.answerSubmit(ctx -> {
                ends.put(id, clock.instant().plus(run));
                return new SubmitReceipt(JobId.of(provider.id(), ctx.model().id(), id), null);
            });
        }
        answerPolls(provider, clock, ends);
        return ends;
    }

    /**
     * ... where each submit is {@code onTheWire} long from its request going out to its answer coming in (the first
     * one's, {@code firstOnTheWire}: a cold first request), each job starting half way, and every receipt says when
     * its submit was on the wire, as an adapter on HTTP does.
     */
    public static Map<String, Instant> scriptOnTheWire(ScriptedProvider provider, MutableClock clock, Duration run,
                                                       int first, int last, Duration firstOnTheWire,
                                                       Duration onTheWire) {
        Map<String, Instant> ends = new ConcurrentHashMap<>();
        for (int i = first; i <= last; i++) {
            String id = "job-" + i;
            Duration half = (i == first ? firstOnTheWire : onTheWire).dividedBy(2);
            provider.answerSubmit(ctx -> {
                Instant sent = clock.instant();
                ends.put(id, clock.advance(half).plus(run));
                return new SubmitReceipt(JobId.of(provider.id(), ctx.model().id(), id), null)
                        .exchangedBetween(sent, clock.advance(half));
            });
        }
        answerPolls(provider, clock, ends);
        return ends;
    }

    private static void answerPolls(ScriptedProvider provider, Clock clock, Map<String, Instant> ends) {
        provider.answerPollsBy(job -> clock.instant().isBefore(ends.get(job.nativeJobId()))
                ? JobUpdate.of(JobStatus.running(null))
                : ScriptedProvider.succeededWith("https://cdn.example/" + job.nativeJobId() + ".mp4", null));
    }
}
