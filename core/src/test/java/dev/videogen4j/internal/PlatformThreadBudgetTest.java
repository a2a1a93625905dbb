package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformThreadBudgetTest {
    private final CountDownLatch end = new CountDownLatch(1);
    private final List<Thread> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        end.countDown();
        for (Thread t : started) t.join(10_000);
    }

    @Test
    void callsTakeEveryPlaceAndAThreadBeyondTheBudgetIsNotMade() {
        PlatformThreadBudget budget = new PlatformThreadBudget(3);
        ThreadFactory calls = budget.calls("c");
        for (int i = 0; i < 3; i++) assertNotNull(start(calls));
        assertNull(calls.newThread(this::hold), "a 4th thread");
        assertEquals(3, budget.taken());
    }

    @Test
    void aReaderTakesNeitherAPlaceTheCallsWantNorTheLastOne() {
        PlatformThreadBudget budget = PlatformThreadBudget.besideCalls(2);   // 6 places
        ThreadFactory readers = budget.readers("r", () -> 2);                // 2 calls want a thread
        for (int i = 0; i < 3; i++) assertNotNull(start(readers));
        assertNull(readers.newThread(this::hold), "the 4th would leave the 2 calls one place");
        assertFalse(budget.callsShort(3), "3 places are free for calls");
        assertTrue(budget.callsShort(4));
        assertEquals(3, budget.readers());
    }

    @Test
    void aThreadThatEndsGivesItsPlaceBackAndSaysSo() throws Exception {
        PlatformThreadBudget budget = new PlatformThreadBudget(2);
        CountDownLatch told = new CountDownLatch(1);
        budget.whenReleased(told::countDown);
        Thread t = budget.calls("c").newThread(() -> { });
        t.start();
        t.join(10_000);
        assertTrue(told.await(10, TimeUnit.SECONDS));
        assertEquals(0, budget.taken());
    }

    @Test
    void queuedCallsGetAThreadWhenAReaderGivesItsPlaceBackAndNeverWaitWithoutOne() throws Exception {
        PlatformThreadBudget budget = new PlatformThreadBudget(3);
        CountDownLatch readerEnds = new CountDownLatch(1);
        ThreadFactory readers = budget.readers("r", () -> 0);
        for (int i = 0; i < 2; i++) {
            Thread r = readers.newThread(() -> await(readerEnds));
            r.start();
            started.add(r);
        }
        CallPool pool = new CallPool(3, 30, TimeUnit.SECONDS, budget, "c");
        try {
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch queued = new CountDownLatch(2);
            pool.execute(() -> await(gate));
            pool.execute(queued::countDown);
            pool.execute(queued::countDown);
            assertEquals(1, pool.getPoolSize(), "the one place the readers left");
            assertEquals(2, pool.getQueue().size());
            readerEnds.countDown();            // both readers end: their places go to the queued calls
            assertTrue(queued.await(10, TimeUnit.SECONDS), "the queued calls ran while the first still holds its thread");
            assertTrue(pool.getLargestPoolSize() >= 2, "a second call thread started on a freed place");
            gate.countDown();
        } finally {
            pool.shutdownNow();
        }
    }

    private Thread start(ThreadFactory f) {
        Thread t = f.newThread(this::hold);
        if (t != null) {
            t.start();
            started.add(t);
        }
        return t;
    }

    private void hold() {
        await(end);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
