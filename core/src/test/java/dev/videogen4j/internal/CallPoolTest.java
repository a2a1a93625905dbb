package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallPoolTest {
    private final CallPool pool = new CallPool(3, 30, TimeUnit.SECONDS, r -> {
        Thread t = new Thread(r, "test-call");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void startsAThreadPerConcurrentCallUpToItsMaximumThenQueues() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            pool.execute(() -> {
                started.countDown();
                await(gate);
                finished.countDown();
            });
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertEquals(3, pool.getPoolSize(), "one thread per call in flight, at most 3");
        assertEquals(2, pool.getQueue().size(), "the calls beyond the maximum wait");
        assertEquals(5, pool.inFlight());
        gate.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertEquals(3, pool.getLargestPoolSize());
    }

    @Test
    void aCallMadeWhileAThreadIsIdleRunsOnThatThread() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> {
            ranOn.add(Thread.currentThread());
            first.countDown();
        });
        assertTrue(first.await(10, TimeUnit.SECONDS));
        awaitIdle();
        CountDownLatch second = new CountDownLatch(1);
        pool.execute(() -> {
            ranOn.add(Thread.currentThread());
            second.countDown();
        });
        assertTrue(second.await(10, TimeUnit.SECONDS));
        assertEquals(1, pool.getLargestPoolSize(), "a fixed pool would have started a second thread here");
        assertEquals(ranOn.get(0), ranOn.get(1));
    }

    @Test
    void refusesWorkOnceShutDown() {
        pool.shutdown();
        assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        assertEquals(0, pool.inFlight());
    }

    // The first call's bookkeeping ends just after its task body: wait for it, not for a fixed time.
    private void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, pool.inFlight());
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
