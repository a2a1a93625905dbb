package dev.videogen4j.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long the jobs of each provider and model take from their submit to their end, as the polls saw it: what
 * {@link PollSchedule} aims its first poll at. Unlike {@link LatencyTracker} (the latency a caller saw, for
 * {@code fastest} routing), this estimate must not include the time it took us to notice the end, or every
 * job would push the next one's first poll later, nor the time its submit took: times count from the middle of the
 * submit's exchange on the wire when the adapter says when that was, else from when it returned the answer
 * ({@code JobSubmitter.startedAround}). A client's first submit is slow on both sides of the wire, the ones after
 * it are not: counted from its answer, the first job's run time came out short by half its exchange and more (N1:
 * 1.0 s, the jobs after it 0.08 s), and the jobs aimed by it were polled before their ends. So each finished job
 * gives a bound, not a time:
 * <ul>
 *   <li>a poll saw it pending at {@code P} and the next saw it done at {@code D}: it ended in {@code (P, D]}.
 *       The sample is the middle of a window up to a second wide (a scout's polls, dense polls), and half a
 *       second past {@code P} in a wider one (the back-off's polls): an estimate that is too low costs a few dense
 *       polls and is corrected by them, one that is too high is corrected only slowly (below). A status stream
 *       gives {@code P = D}.</li>
 *   <li>the first poll found it done: it ended at or before {@code D}, and nothing says how much earlier. The
 *       sample is then {@value #CREEP}th of the poll margin below the estimate: the first polls creep earlier, so a
 *       model that got faster is found out, until one finds its job pending and moves the estimate back up. The
 *       creep is slow (a millisecond a job at the usual margins, never less): a hundred jobs in a row cost no
 *       extra poll, and an estimate 200 ms too high is worn down within 200 jobs. Only a first poll answered near its
 *       aim creeps ({@link #latePoll}): one that came later, as all of a burst's do on busy cores, bounds nothing the
 *       estimate did not.</li>
 * </ul>
 * That makes the estimate a quantile tracker: it settles where a small share of jobs is still running at their
 * first poll. Samples are averaged with weight {@value #WEIGHT}; a sample far above the estimate (a job stuck in a
 * queue) counts as four margins or a fifth above it, so one outlier does not delay the next first polls by minutes.
 * The margin (how far past the estimate the first poll goes) is the {@code spread} (the mean half width of the
 * windows the samples came from: where in its window an end was, nobody knows) plus twice the samples' mean
 * deviation, as TCP's retransmission timer does, plus a tenth of a second; at most 2 s or 5 %. Without the spread,
 * jobs that all end in the same phase of their dense polls (a wave sent together) would give the same sample, up
 * to a quarter second below their true end, the deviation would fall to nothing, and every next first poll would
 * come just before the end. Jobs whose ends a status stream saw exactly are polled 0.1 s after their usual end.
 *
 * <pre>{@code
 * RunTimes times = new RunTimes();
 * times.learn("runware", "klingai:6@0", Duration.ofMillis(9_800), Duration.ofMillis(10_200));
 * times.expected("runware", "klingai:6@0");   // Optional[Expected[runTime=PT10S, margin=PT0.4S]]
 * }</pre>
 */
final class RunTimes {
    static final double WEIGHT = 0.3;
    static final int CREEP = 128;
    static final long FIRST_DEVIATION = 50;
    private static final double DEVIATION_WEIGHT = 0.25;
    // A window up to this wide counts by its middle (a scout's or dense polls'); a wider one by a point this far
    // into it: an estimate that is too low is corrected within a few jobs, one that is too high only slowly.
    private static final long WIDE = 1_000;
    private static final long MIN_MARGIN = 100;
    private static final long MAX_MARGIN = 2_000;
    private final Map<String, Estimate> estimates = new ConcurrentHashMap<>();

    /** What a model's jobs taught: their usual run time, and how far past it to poll first. */
    record Expected(Duration runTime, Duration margin) {
    }

    /**
     * The running estimate, the mean deviation of the samples from it, and the mean half width of the windows they
     * came from, in milliseconds.
     */
    record Estimate(long millis, long deviation, long spread) {
        /** The spread, twice the deviation and a tenth of a second; at most 2 s or 5 % of the run time. */
        long margin() {
            return Math.min(spread + 2 * deviation + MIN_MARGIN, Math.max(MAX_MARGIN, millis / 20));
        }
    }

    Optional<Expected> expected(String provider, String model) {
        return Optional.ofNullable(estimates.get(key(provider, model)))
                .map(e -> new Expected(Duration.ofMillis(e.millis()), Duration.ofMillis(e.margin())));
    }

    /** A job was seen done at {@code done} after its submit; last seen pending at {@code pending}, or null. */
    void learn(String provider, String model, Duration pending, Duration done) {
        estimates.compute(key(provider, model), (k, old) -> next(old, pending == null ? null : pending.toMillis(),
                done.toMillis()));
    }

    /** The estimate after one finished job: the arithmetic of the class comment. */
    static Estimate next(Estimate e, Long pending, long done) {
        if (pending != null && pending > done) pending = done;
        long half = pending == null ? 0 : Math.min(done - pending, WIDE) / 2;
        Long window = pending == null ? null : pending + half;
        // One job says nothing of how its model's jobs vary, and where in its submit's exchange the first of a client
        // started is a guess (the middle; or, from an adapter that does not say, the answer, up to a cold exchange
        // late): until a second job is seen, a deviation of FIRST_DEVIATION widens the margin by twice that.
        if (e == null) {
            return window != null ? new Estimate(window, FIRST_DEVIATION, half) : new Estimate(done, done / 20, 0);
        }
        long margin = e.margin();
        // A first poll that came well past the aimed-at end (estimate plus margin) says the job ended by then, which
        // the estimate already says: no creep. Under load every first poll of a burst comes late, and a millisecond
        // for each of 2,000 such jobs took 2 s off a 10 s estimate (B2 after a warm-up burst: the next 10,000 jobs
        // were polled early, 2.56 requests a job); so the creep wears the estimate down at most about half a margin below
        // the estimate the jobs found done were aimed by; the next jobs, aimed by the lower one, go on from there.
        if (window == null && done > e.millis() + margin + latePoll(margin)) return e;
        long sample = window != null ? window : Math.min(done, e.millis() - margin / CREEP);
        sample = Math.max(0, Math.min(sample, e.millis() + Math.max(4 * margin, e.millis() / 5)));
        long millis = Math.round(e.millis() + WEIGHT * (sample - e.millis()));
        // A first poll that found its job done moves the estimate at least a millisecond earlier: at margins under a
        // quarter second the creep is a fraction of one, which whole milliseconds would round to nothing, and a model
        // that got faster (or whose first job was answered late) would keep every first poll late for good.
        if (window == null && millis >= e.millis()) millis = e.millis() - 1;
        long deviation = Math.round(e.deviation() + DEVIATION_WEIGHT * (Math.abs(sample - e.millis()) - e.deviation()));
        // a first poll that found the job done says nothing of where in a window the end was: the spread stays
        long spread = window == null ? e.spread() : Math.round(e.spread() + DEVIATION_WEIGHT * (half - e.spread()));
        return new Estimate(Math.max(0, millis), Math.max(0, deviation), Math.max(0, spread));
    }

    /** How far past its aimed-at time a first poll's answer may come and still count as that poll's: half the margin. */
    static long latePoll(long margin) {
        return Math.max(margin / 2, MIN_MARGIN);
    }

    private static String key(String provider, String model) {
        return provider + '\n' + model;
    }
}
