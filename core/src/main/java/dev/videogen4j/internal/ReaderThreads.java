package dev.videogen4j.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that mostly waits on a socket (status streams). On JDK 24 and later these are virtual threads,
 * found reflectively so the library still compiles and runs on 17: thousands cost a few carrier threads. From 24 on
 * a virtual thread blocked inside {@code synchronized} code no longer pins its carrier (JEP 491), which OkHttp's
 * blocking reads would otherwise do; on 21-23 we stay with platform threads for that reason.
 *
 * <pre>{@code
 * ExecutorService readers = ReaderThreads.pool("videogen4j-stream", 16);
 * int budget = ReaderThreads.virtual() ? 1024 : 16;
 * }</pre>
 */
final class ReaderThreads {
    private static final ThreadFactory VIRTUAL = virtualFactory();

    private ReaderThreads() {
    }

    /** Whether readers are virtual threads on this JVM. */
    static boolean virtual() {
        return VIRTUAL != null;
    }

    /** An executor starting a reader per task: virtual threads when {@link #virtual()}, else at most {@code max}. */
    static ExecutorService pool(String name, int max) {
        ThreadFactory threads = VIRTUAL != null ? VIRTUAL : daemon(name);
        return new CallPool(Math.max(1, max), VIRTUAL != null ? 1 : 30, TimeUnit.SECONDS, threads);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // Thread.ofVirtual().name("videogen4j-stream-", 0).factory(), without naming a JDK 21 type.
    private static ThreadFactory virtualFactory() {
        if (Runtime.version().feature() < 24) return null;
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            builder = type.getMethod("name", String.class, long.class).invoke(builder, "videogen4j-stream-", 0L);
            Method factory = type.getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
