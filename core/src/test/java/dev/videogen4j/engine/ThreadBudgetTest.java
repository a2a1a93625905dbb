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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * On platform threads the client's own call threads and its status-stream readers draw from one budget, its call
 * maximum plus 4: however submits and streams interleave, the two together never hold more threads, every job
 * completes, and a quiet client still streams every job its stream budget allows. The client runs in a thread group
 * of its own, so its threads can be counted apart from other tests' clients.
 */
class ThreadBudgetTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final ScriptedProvider acme = ScriptedProvider.of("acme", clock);
    private final ThreadGroup group = new ThreadGroup("budget-test");
    private final CountDownLatch submitsGo = new CountDownLatch(1);
    private final CountDownLatch jobsEnd = new CountDownLatch(1);
    private final AtomicInteger streamed = new AtomicInteger();
    private final java.util.concurrent.Semaphore opened = new java.util.concurrent.Semaphore(0);
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger peakCalls = new AtomicInteger();
    private volatile boolean holdSubmits;

    @Test
    void aBurstAfterQuietJobsNeverHoldsMoreThreadsThanTheBudgetAndItsCallsStillGetTheirs() throws Exception {
        if (IoThreads.virtual()) return;   // virtual calls and readers hold no platform thread: no budget
        int done = inGroup(() -> burstAfterQuiet(20, 500));
        assertEquals(520, done);
        assertTrue(peak.get() <= 48 + 4, "call + reader threads at the peak: " + peak.get() + ", budget 52");
        assertEquals(48, peakCalls.get(), "the calls' threads, not held back by streams");
        assertTrue(streamed.get() >= 4, "streams: " + streamed.get());
    }

    @Test
    void aQuietClientFollowsEveryJobOfItsStreamBudget() throws Exception {
        int done = inGroup(() -> oneAtATime(32));
        assertEquals(32, done);
        assertEquals(32, streamed.get(), "every job within the 32-stream budget is streamed");
        assertEquals(0, acme.count(Operation.POLL));
    }

    // B2's start: `quiet` jobs accepted while the calls are few (each asking for a stream), then `burst` submits that
    // hold their call threads until the client holds every thread the budget allows.
    private int burstAfterQuiet(int quiet, int burst) throws Exception {
        VideoClient c = BudgetedClients.streaming(clock, scheduler, 48, new Gated());
        try {
            List<CompletableFuture<VideoJob>> sent = new ArrayList<>();
            for (int i = 0; i < quiet; i++) sent.add(c.submitAsync(Requests.t2v()));
            for (CompletableFuture<VideoJob> j : sent) j.get(10, TimeUnit.SECONDS);
            holdSubmits = true;
            for (int i = 0; i < burst; i++) sent.add(c.submitAsync(Requests.t2v()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (peakCalls.get() < 48 && peak.get() <= 52 && System.nanoTime() < deadline) {
                count();
                Thread.onSpinWait();
            }
            submitsGo.countDown();
            for (CompletableFuture<VideoJob> j : sent) j.get(30, TimeUnit.SECONDS);
            jobsEnd.countDown();
            return BudgetedClients.awaitAll(c, scheduler, sent);
        } finally {
            submitsGo.countDown();
            jobsEnd.countDown();
            c.close();
        }
    }

    // One job after the other: the calls stay quiet, and the streams beyond the readers' own 4 start once the
    // client has settled (a second of virtual time).
    private int oneAtATime(int count) throws Exception {
        VideoClient c = BudgetedClients.streaming(clock, scheduler, 48, new Gated());
        try {
            List<CompletableFuture<VideoJob>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(c.submitAsync(Requests.t2v()));
                sent.get(i).get(10, TimeUnit.SECONDS);
            }
            scheduler.advanceBy(Duration.ofSeconds(1));
            assertTrue(opened.tryAcquire(count, 10, TimeUnit.SECONDS), "streams opened: " + streamed.get());
            jobsEnd.countDown();
            return BudgetedClients.awaitAll(c, scheduler, sent);
        } finally {
            jobsEnd.countDown();
            c.close();
        }
    }

    private int inGroup(java.util.concurrent.Callable<Integer> body) throws Exception {
        CompletableFuture<Integer> out = new CompletableFuture<>();
        Thread t = new Thread(group, () -> {
            try {
                out.complete(body.call());
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        }, "budget-test-main");
        t.start();
        return out.get(60, TimeUnit.SECONDS);
    }

    // The client's call and reader threads alive now; the largest count seen is the peak.
    private void count() {
        Thread[] all = new Thread[group.activeCount() + 16];
        int n = group.enumerate(all);
        int calls = 0;
        int readers = 0;
        for (int i = 0; i < n; i++) {
            String name = all[i].getName();
            if (name.startsWith("videogen4j-call-")) calls++;
            if (name.startsWith("videogen4j-stream-")) readers++;
        }
        peakCalls.accumulateAndGet(calls, Math::max);
        peak.accumulateAndGet(calls + readers, Math::max);
    }

    /** The scripted provider, with submits held until the test lets them go and streams open until jobs end. */
    private final class Gated implements VideoProvider, TextToVideo, ImageToVideo, StatusStreamer {
        @Override
        public Optional<JobUpdate> streamStatus(JobId id, Predicate<JobStatus> onStatus) {
            count();
            streamed.incrementAndGet();
            opened.release();
            if (!onStatus.test(JobStatus.running(null))) return Optional.empty();
            BudgetedClients.await(jobsEnd);
            return Optional.of(JobUpdate.of(JobStatus.succeeded()));
        }

        @Override
        public SubmitReceipt submit(TextToVideoRequest r, SubmitContext c) {
            count();
            if (holdSubmits) BudgetedClients.await(submitsGo);
            return acme.submit(r, c);
        }

        @Override
        public JobUpdate poll(JobId id) {
            count();
            return jobsEnd.getCount() == 0 ? acme.poll(id) : JobUpdate.of(JobStatus.running(null));
        }

        @Override
        public ProviderOutput result(JobId id) {
            count();
            return acme.result(id);
        }

        @Override public String id() { return acme.id(); }
        @Override public List<ModelCapabilities> models() { return acme.models(); }
        @Override public CancelOutcome cancel(JobId id) { return acme.cancel(id); }
        @Override public SubmitReceipt submit(ImageToVideoRequest r, SubmitContext c) { return acme.submit(r, c); }
    }
}
