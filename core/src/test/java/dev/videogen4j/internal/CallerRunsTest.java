package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a caller waiting in CallerRuns.join runs itself, what stays with the real executors, and when. */
class CallerRunsTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler real = new VirtualScheduler(clock);
    private final ScheduledExecutorService timer = CallerRuns.timer(real);
    private final List<String> pool = new ArrayList<>();
    private final Executor calls = task -> {
        pool.add("pool");
        task.run();
    };
    private final List<String> events = new ArrayList<>();

    @Test
    void callsAndTasksDueNowRunOnTheWaitingCallerAfterItStartedTheWork() {
        Thread caller = Thread.currentThread();
        String v = CallerRuns.join(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            CallerRuns.execute(calls, () -> {
                events.add("call on caller: " + (Thread.currentThread() == caller));
                timer.execute(() -> {
                    events.add("timer now");
                    timer.schedule(() -> f.complete("done"), 0, TimeUnit.MILLISECONDS);
                });
            });
            events.add("started");
            return f;
        });

        assertEquals("done", v);
        assertEquals(List.of("started", "call on caller: true", "timer now"), events);
        assertEquals(List.of(), pool, "nothing was handed to the call executor");
        assertEquals(0, real.pending(), "nothing was handed to the timer");
    }

    @Test
    void aLaterTaskKeepsTimeOnTheTimerAndRunsOnTheCallerWhenItFires() {
        String v = CallerRuns.join(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            timer.schedule(() -> {
                events.add("retry at " + clock.elapsed());
                f.complete("ok");
            }, 500, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> dropped = timer.schedule(() -> events.add("cancelled task ran"), 300, TimeUnit.MILLISECONDS);
            dropped.cancel(false);
            assertEquals(1, real.pending(), "the cancelled task left the timer");
            // Virtual time moves while the caller waits; the fired task is queued for it, not run by the timer.
            CallerRuns.execute(calls, () -> {
                real.advanceBy(Duration.ofMillis(500));
                events.add("timer done");
            });
            return f;
        });

        assertEquals("ok", v);
        assertEquals(List.of("timer done", "retry at PT0.5S"), events);
        assertEquals(List.of(), pool);
    }

    @Test
    void whatTheCallerLeavesGoesToTheRealExecutors() {
        String v = CallerRuns.join(() -> {
            CallerRuns.execute(calls, () -> events.add("call"));
            timer.execute(() -> events.add("timer now"));
            timer.schedule(() -> events.add("later at " + clock.elapsed()), 5, TimeUnit.SECONDS);
            return CompletableFuture.completedFuture("answered before the caller ran anything");
        });

        assertEquals("answered before the caller ran anything", v);
        assertEquals(List.of("call"), events, "the call went to the pool at once");
        assertEquals(List.of("pool"), pool);
        real.advanceBy(Duration.ofSeconds(5));
        assertEquals(List.of("call", "timer now", "later at PT5S"), events);
    }

    @Test
    void anInterruptEndsTheWaitWithoutDroppingTheWork() {
        Thread.currentThread().interrupt();
        VideoGenException e = assertThrows(VideoGenException.class, () -> CallerRuns.join(() -> {
            CompletableFuture<String> never = new CompletableFuture<>();
            timer.schedule(() -> events.add("poll"), 2, TimeUnit.SECONDS);
            return never;
        }));

        assertEquals("Interrupted while waiting", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        real.advanceBy(Duration.ofSeconds(2));
        assertEquals(List.of("poll"), events, "the job's next poll still runs, on the timer");
    }

    @Test
    void aFailureIsRethrownAsItself() {
        InvalidRequestException bad = new InvalidRequestException("m", List.of());
        assertSame(bad, assertThrows(InvalidRequestException.class,
                () -> CallerRuns.join(() -> CompletableFuture.failedFuture(bad))));
    }

    @Test
    void withoutAWaitingCallerOrForAsyncWorkEverythingGoesToTheRealExecutors() {
        CallerRuns.execute(calls, () -> events.add("call"));
        timer.schedule(() -> events.add("timer"), 0, TimeUnit.MILLISECONDS);
        CallerRuns.join(() -> CallerRuns.elsewhere(() -> {
            CallerRuns.execute(calls, () -> events.add("async call"));
            return CompletableFuture.completedFuture(null);
        }));

        assertEquals(List.of("pool", "pool"), pool);
        assertEquals(List.of("call", "async call"), events);
        real.runDue();
        assertEquals(List.of("call", "async call", "timer"), events);
    }
}
