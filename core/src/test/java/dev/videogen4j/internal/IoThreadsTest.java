package dev.videogen4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls and streams run on virtual threads from JDK 24 on, on daemon platform threads before. */
class IoThreadsTest {
    @Test
    void threadsAreVirtualExactlyFromJdk24() throws Exception {
        boolean expectVirtual = Runtime.version().feature() >= 24;
        assertEquals(expectVirtual, IoThreads.virtual());
        ExecutorService pool = IoThreads.pool("videogen4j-test", 2);
        try {
            Future<Thread> ran = pool.submit(Thread::currentThread);
            Thread t = ran.get(5, TimeUnit.SECONDS);
            // Thread.isVirtual() exists from JDK 21 on; before, every thread is a platform thread
            boolean virtual = Runtime.version().feature() >= 21 && (boolean) Thread.class.getMethod("isVirtual").invoke(t);
            assertEquals(expectVirtual, virtual);
            assertTrue(t.isDaemon(), "never keeps the JVM alive");
            assertTrue(t.getName().startsWith("videogen4j-test-"), t.getName());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onPlatformThreadsUpTo32JobsAreStreamedByDefaultAndOnlyFourBesideACallPoolAtItsMaximum() {
        // virtual readers cost no platform thread; platform ones take room beside the calls (StatusStreams)
        assertEquals(Runtime.version().feature() >= 24 ? 256 : 32, StatusStreams.defaultBudget());
        assertTrue(StatusStreams.roomForStream(48, 48, 3, 3), "a 4th reader beside 48 call threads");
        assertFalse(StatusStreams.roomForStream(48, 48, 4, 4), "not a 5th: the client keeps 52 of its own");
        assertTrue(StatusStreams.roomForStream(48, 48, 4, 3), "an idle reader adds no thread");
        assertTrue(StatusStreams.roomForStream(20, 48, 31, 31), "quiet calls leave room for the whole budget");
        assertFalse(StatusStreams.roomForStream(21, 48, 31, 31));
    }
}
