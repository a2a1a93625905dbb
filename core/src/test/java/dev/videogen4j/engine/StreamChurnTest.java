package dev.videogen4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.internal.IoThreads;
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
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On platform threads, a client whose calls are short of threads (its stream readers hold places of the budget they
 * share) polls the jobs it accepts then instead of streaming them: such a stream would give its reader back at its
 * first event and its job would be polled as well, paying for both (issue 17: B2 on JDK 17 streamed 7,400 of its
 * 10,000 jobs so, 3.7 requests a job). Real call and reader threads, virtual time.
 */
class StreamChurnTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final Set<JobId> streamed = ConcurrentHashMap.newKeySet();
    private final Semaphore opened = new Semaphore(0);
    private final AtomicInteger streamsEnded = new AtomicInteger();
    private final AtomicInteger runningSeen = new AtomicInteger();
    private final CountDownLatch quietJobsEnd = new CountDownLatch(1);
    private final Semaphore submitPermits = new Semaphore(0);
    private final AtomicInteger heldSubmits = new AtomicInteger();
    private volatile boolean holdSubmits;

    @Test
    void jobsAcceptedWhileCallsAreShortOfThreadsAreNeverBothStreamedAndPolled() throws Exception {
        if (IoThreads.virtual()) return;   // virtual readers hold no platform thread: the calls are never short
        // 4 call threads and 4 places beside them: 8 in all
        VideoClient c = BudgetedClients.streaming(clock, scheduler, 4, new Streaming());
        try {
            // a quiet client streams its jobs, the 5th once it has settled: 5 readers hold places
            List<CompletableFuture<VideoJob>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(c.submitAsync(Requests.t2v()));
                sent.get(i).get(10, TimeUnit.SECONDS);
            }
            scheduler.advanceBy(Duration.ofSeconds(1));
            assertTrue(opened.tryAcquire(5, 10, TimeUnit.SECONDS), "quiet jobs streamed: " + streamed.size());
            Set<JobId> quiet = Set.copyOf(streamed);

            // a burst whose submits hold their threads: the readers' places leave the calls 3 of the 4 they want
            holdSubmits = true;
            for (int i = 0; i < 12; i++) sent.add(c.submitAsync(Requests.t2v()));
            until(() -> heldSubmits.get() >= 3);
            // the quiet jobs end; their readers stay idle a while, places held
            quietJobsEnd.countDown();
            until(() -> streamsEnded.get() == 5);
            // six submits are accepted while the calls still lack a thread; each of their jobs is then either handed
            // to an idle reader (its stream opens) or put on the poll schedule (a poll is scheduled): wait for that
            int scheduled = scheduler.pending();
            submitPermits.release(6);
            until(() -> sent.stream().filter(CompletableFuture::isDone).count() >= 11
                    && opened.availablePermits() + scheduler.pending() - scheduled >= 6);
            // a stream that opened has met its first event, and yielded or not, before the calls get their threads
            until(() -> runningSeen.get() - 5 >= opened.availablePermits());
            submitPermits.release(1_000);

            assertEquals(17, BudgetedClients.awaitAll(c, scheduler, sent));
            Set<JobId> polled = acme.calls(Operation.POLL).stream().map(ScriptedProvider.Call::jobId)
                    .collect(Collectors.toSet());
            Set<JobId> both = new HashSet<>(streamed);
            both.retainAll(polled);
            assertEquals(Set.of(), both, "jobs that paid for a stream and a status poll");
            assertTrue(polled.stream().noneMatch(quiet::contains), "the quiet jobs end on their streams");
        } finally {
            quietJobsEnd.countDown();
            submitPermits.release(1_000);
            c.close();
        }
    }

    // Waits (real time, bounded) for the client's call and reader threads to reach a state.
    private static void until(BooleanSupplier reached) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!reached.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    /** The scripted provider with a status stream; the quiet jobs' streams stay open until the test ends them. */
    private final class Streaming implements VideoProvider, TextToVideo, ImageToVideo, StatusStreamer {
        @Override
        public Optional<JobUpdate> streamStatus(JobId id, Predicate<JobStatus> onStatus) {
            streamed.add(id);
            opened.release();
            try {
                boolean keepOn = onStatus.test(JobStatus.running(null));
                runningSeen.incrementAndGet();
                if (!keepOn) return Optional.empty();
                BudgetedClients.await(quietJobsEnd);
                return Optional.of(JobUpdate.of(JobStatus.succeeded()));
            } finally {
                streamsEnded.incrementAndGet();
            }
        }

        @Override
        public SubmitReceipt submit(TextToVideoRequest r, SubmitContext c) {
            if (holdSubmits) {
                heldSubmits.incrementAndGet();
                submitPermits.acquireUninterruptibly();
            }
            return acme.submit(r, c);
        }

        @Override public String id() { return acme.id(); }
        @Override public List<ModelCapabilities> models() { return acme.models(); }
        @Override public JobUpdate poll(JobId id) { return acme.poll(id); }
        @Override public ProviderOutput result(JobId id) { return acme.result(id); }
        @Override public CancelOutcome cancel(JobId id) { return acme.cancel(id); }
        @Override public SubmitReceipt submit(ImageToVideoRequest r, SubmitContext c) { return acme.submit(r, c); }
    }
}
