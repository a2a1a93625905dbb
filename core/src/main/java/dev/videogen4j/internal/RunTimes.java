package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long the jobs of each provider and model take from their submit to their end, as the polls saw it: what
 * {@link PollSchedule} aims its first poll at. Unlike {@link LatencyTracker} (the latency a caller saw, for
 * {@code fastest} routing), this estimate must not include the time it took us to notice the end, or every
 * job would push the next one's first poll later. So each finished job gives a bound, not a time:
 * <ul>
 *   <li>a poll saw it pending at {@code P} and the next saw it done at {@code D}: it ended in {@code (P, D]}.
 *       The sample is the middle of a narrow window, and just past {@code P} in a wide one (the back-off's
 *       polls of a model with no history yet): an estimate that is too low costs a few dense polls and is
 *       corrected by them, one that is too high is corrected only slowly (below). A status stream gives
 *       {@code P = D}.</li>
 *   <li>the first poll found it done: it ended at or before {@code D}, and nothing says how much earlier. The
 *       sample is then a sixteenth of the poll margin below the estimate: the first polls creep earlier, so a
 *       model that got faster is found out, until one finds its job pending and moves the estimate back up.</li>
 * </ul>
 * That makes the estimate a quantile tracker: it settles where about one job in twenty is still running at its
 * first poll (for jobs of a steady length, one extra poll in about twenty jobs). Samples are averaged with weight
 * {@value #WEIGHT}; a sample more than four poll margins above the estimate (a job stuck in a queue) counts as
 * four margins above it, so one outlier does not delay the next jobs' first polls by minutes.
 *
 * <pre>{@code
 * RunTimes times = new RunTimes();
 * times.learn("runware", "klingai:6@0", Duration.ofMillis(9_800), Duration.ofMillis(10_200));
 * times.expected("runware", "klingai:6@0");   // Optional[PT10S]
 * }</pre>
 */
final class RunTimes {
    static final double WEIGHT = 0.3;
    private final Map<String, Long> millis = new ConcurrentHashMap<>();

    Optional<Duration> expected(String provider, String model) {
        return Optional.ofNullable(millis.get(key(provider, model))).map(Duration::ofMillis);
    }

    /** A job was seen done at {@code done} after its submit; last seen pending at {@code pending}, or null. */
    void learn(String provider, String model, Duration pending, Duration done) {
        millis.compute(key(provider, model), (k, old) -> next(old, pending == null ? null : pending.toMillis(),
                done.toMillis()));
    }

    /** The estimate after one finished job: the arithmetic of the class comment. */
    static long next(Long estimate, Long pending, long done) {
        if (pending != null && pending > done) pending = done;
        Long window = pending == null ? null : pending + Math.min(done - pending, PollSchedule.DENSE.toMillis()) / 2;
        if (estimate == null) return window != null ? window : done;
        long margin = PollSchedule.margin(Duration.ofMillis(estimate)).toMillis();
        long sample = window != null ? window : Math.min(done, estimate - margin / 16);
        sample = Math.max(0, Math.min(sample, estimate + 4 * margin));
        return Math.max(0, Math.round(estimate + WEIGHT * (sample - estimate)));
    }

    private static String key(String provider, String model) {
        return provider + '\n' + model;
    }
}
