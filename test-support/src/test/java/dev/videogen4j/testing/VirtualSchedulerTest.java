package dev.videogen4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    private final MutableClock clock = MutableClock.start();
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final List<String> log = new ArrayList<>();

    private Runnable record(String name) {
        return () -> log.add(name + "@" + clock.elapsed().toMillis());
    }

    @Test
    void nothingRunsUntilTimeIsAdvanced() {
        scheduler.execute(record("now"));
        scheduler.schedule(record("later"), 1, TimeUnit.SECONDS);
        assertEquals(List.of(), log);
        assertEquals(2, scheduler.pending());
    }

    @Test
    void tasksRunInDueOrderAtTheirDueTime() {
        scheduler.schedule(record("c"), 3, TimeUnit.SECONDS);
        scheduler.schedule(record("a"), 1, TimeUnit.SECONDS);
        scheduler.schedule(record("b"), 1000, TimeUnit.MILLISECONDS);   // same time as a, scheduled after it
        scheduler.execute(record("now"));

        scheduler.advanceBy(Duration.ofSeconds(2));

        assertEquals(List.of("now@0", "a@1000", "b@1000"), log);
        assertEquals(Duration.ofSeconds(2), clock.elapsed());
        scheduler.advanceBy(Duration.ofSeconds(1));
        assertEquals(List.of("now@0", "a@1000", "b@1000", "c@3000"), log);
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
        scheduler.schedule(() -> {
            record("first").run();
            scheduler.schedule(record("chained"), 500, TimeUnit.MILLISECONDS);
            scheduler.execute(record("immediate"));
        }, 1, TimeUnit.SECONDS);

        scheduler.advanceBy(Duration.ofSeconds(5));

        assertEquals(List.of("first@1000", "immediate@1000", "chained@1500"), log);
    }

    @Test
    void runDueRunsOnlyWhatIsDueNow() {
        scheduler.execute(record("now"));
        scheduler.schedule(record("later"), 1, TimeUnit.MILLISECONDS);
        assertEquals(1, scheduler.runDue());
        assertEquals(List.of("now@0"), log);
        assertEquals(List.of(Duration.ofMillis(1)), scheduler.pendingDelays());
    }

    @Test
    void cancelledTasksNeverRun() {
        ScheduledFuture<?> f = scheduler.schedule(record("x"), 1, TimeUnit.SECONDS);
        assertTrue(f.cancel(false));
        scheduler.advanceBy(Duration.ofSeconds(2));
        assertEquals(List.of(), log);
        assertTrue(f.isCancelled());
        assertTrue(f.isDone());
        assertFalse(f.cancel(false));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void futuresCarryResultsAndFailuresAndRefuseToBlock() throws Exception {
        ScheduledFuture<String> ok = scheduler.schedule(() -> "done", 1, TimeUnit.SECONDS);
        ScheduledFuture<String> bad = scheduler.schedule(() -> { throw new IllegalStateException("boom"); }, 1, TimeUnit.SECONDS);
        IllegalStateException blocked = assertThrows(IllegalStateException.class, ok::get);
        assertTrue(blocked.getMessage().contains("advance the VirtualScheduler"), blocked.getMessage());
        assertEquals(1000, ok.getDelay(TimeUnit.MILLISECONDS));

        scheduler.advanceBy(Duration.ofSeconds(1));

        assertEquals("done", ok.get());
        ExecutionException e = assertThrows(ExecutionException.class, bad::get);
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(1, scheduler.failures().size());
        assertInstanceOf(IllegalStateException.class, scheduler.failures().get(0));
    }

    @Test
    void periodicTasksRepeatAtTheirRateUntilCancelled() {
        ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(record("tick"), 1, 2, TimeUnit.SECONDS);
        scheduler.advanceBy(Duration.ofSeconds(6));
        assertEquals(List.of("tick@1000", "tick@3000", "tick@5000"), log);
        f.cancel(false);
        scheduler.advanceBy(Duration.ofSeconds(6));
        assertEquals(3, log.size());
    }

    @Test
    void runUntilDoneJumpsFromTaskToTaskAndReportsTheVirtualTimeSpent() {
        CompletableFuture<String> f = new CompletableFuture<>();
        scheduler.schedule(record("a"), 10, TimeUnit.SECONDS);
        scheduler.schedule(() -> f.complete("x"), 90, TimeUnit.SECONDS);
        scheduler.schedule(record("never"), 200, TimeUnit.SECONDS);

        assertEquals(Duration.ofSeconds(90), scheduler.runUntilDone(f, Duration.ofMinutes(2)));
        assertEquals(List.of("a@10000"), log);
        assertEquals(Instant.parse("2025-01-01T00:01:30Z"), clock.instant());
    }

    @Test
    void runUntilDoneFailsInsteadOfHangingWhenNothingCanComplete() {
        CompletableFuture<String> never = new CompletableFuture<>();
        AssertionError nothing = assertThrows(AssertionError.class, () -> scheduler.runUntilDone(never, Duration.ofHours(1)));
        assertTrue(nothing.getMessage().contains("no task is scheduled"), nothing.getMessage());

        scheduler.schedule(record("late"), 2, TimeUnit.HOURS);
        AssertionError tooLate = assertThrows(AssertionError.class, () -> scheduler.runUntilDone(never, Duration.ofHours(1)));
        assertTrue(tooLate.getMessage().contains("still pending after PT1H"), tooLate.getMessage());
    }

    @Test
    void shutdownRejectsNewTasksAndShutdownNowReturnsTheQueuedOnes() {
        scheduler.schedule(record("queued"), 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(record("periodic"), 1, 1, TimeUnit.SECONDS);
        scheduler.shutdown();
        assertTrue(scheduler.isShutdown());
        assertThrows(RejectedExecutionException.class, () -> scheduler.execute(record("x")));
        assertEquals(1, scheduler.pending());         // periodic dropped, one-shot kept
        assertFalse(scheduler.isTerminated());
        assertEquals(1, scheduler.shutdownNow().size());
        assertTrue(scheduler.isTerminated());
        assertTrue(scheduler.awaitTermination(1, TimeUnit.SECONDS));
    }

    @Test
    void theClockNeverGoesBack() {
        clock.advance(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(MutableClock.START));
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertEquals(clock.instant(), clock.withZone(java.time.ZoneId.of("Europe/Paris")).instant());
    }

    @Test
    void runUntilStopsWhenTheConditionHoldsOrAtTheLimitWithoutFailing() {
        List<Integer> ticks = new ArrayList<>();
        scheduler.scheduleAtFixedRate(() -> ticks.add(ticks.size()), 1, 1, TimeUnit.SECONDS);
        assertTrue(scheduler.runUntil(() -> ticks.size() == 3, Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(3), clock.elapsed(), "stopped at the task that made it true");
        assertFalse(scheduler.runUntil(() -> false, Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(13), clock.elapsed(), "the whole limit passed");
        assertEquals(13, ticks.size());
    }
}
