package dev.videogen4j.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for work that mostly waits on a socket: provider calls and status streams. On JDK 24 and later these
 * are virtual threads, found reflectively so the library still compiles and runs on 17: thousands of waiting calls
 * cost a few carrier threads. From 24 on a virtual thread blocked inside {@code synchronized} code no longer pins
 * its carrier (JEP 491), which OkHttp's blocking reads would otherwise do; on 21-23 platform threads stay.
 *
 * <pre>{@code
 * ExecutorService calls = IoThreads.pool("videogen4j-call", 48);
 * int budget = IoThreads.virtual() ? 256 : 32;
 * }</pre>
 */
public final class IoThreads {
    private static final boolean VIRTUAL = virtualFactory("probe-") != null;

    private IoThreads() {
    }

    /** Whether {@link #pool} starts virtual threads on this JVM. */
    public static boolean virtual() {
        return VIRTUAL;
    }

    /** At most {@code max} tasks at once, each on a thread of its own: virtual when {@link #virtual()}. */
    public static ExecutorService pool(String name, int max) {
        ThreadFactory threads = VIRTUAL ? virtualFactory(name + "-") : daemon(name);
        return new CallPool(Math.max(1, max), VIRTUAL ? 1 : 30, TimeUnit.SECONDS, threads);
    }

    /** Daemon platform threads named {@code name-1}, {@code name-2}, ... */
    public static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // Thread.ofVirtual().name(prefix, 1).factory(), without naming a JDK 21 type.
    private static ThreadFactory virtualFactory(String prefix) {
        if (Runtime.version().feature() < 24) return null;
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            builder = type.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
            Method factory = type.getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
