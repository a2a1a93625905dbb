package dev.videogen4j.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The platform threads the calls and the status-stream readers of one client (or of the clients sharing its
 * threads) may hold together: every such thread takes a place when it is created and gives it back as it ends, so
 * calls plus readers never exceed {@link #total()}, whatever the timing. Admission rules that only looked at the
 * pools' sizes let B2 on JDK 17 run 21 readers beside 48 busy call threads (80 threads): a reader whose stream had
 * ended but whose task had not yet returned counted as an idle reader, so the next stream started one more.
 *
 * <p>Calls come first: a call thread takes any free place, a reader only a place the calls will not want (none
 * while calls wait for threads they could start) and never the last one, so calls always keep a thread. A factory
 * with no place for its thread returns null: the call pool then queues the call (and starts its thread when a place
 * is given back, {@link #whenReleased}); the stream pool refuses, and the job is polled.
 *
 * <pre>{@code
 * PlatformThreadBudget budget = PlatformThreadBudget.besideCalls(48);   // 52 places
 * CallPool calls = new CallPool(48, 30, TimeUnit.SECONDS, budget, "videogen4j-call");
 * ThreadFactory readers = budget.readers("videogen4j-stream", calls::unmetDemand);
 * }</pre>
 */
public final class PlatformThreadBudget {
    private final int total;
    private int taken;                 // guarded by this
    private int readers;               // guarded by this
    private final List<Runnable> released = new CopyOnWriteArrayList<>();

    /** Places beyond a call pool's maximum, for readers however busy the calls are. */
    public static final int BESIDE_BUSY_CALLS = 4;

    /** The budget of a call pool of at most {@code maxCalls} threads: {@code maxCalls + }{@value #BESIDE_BUSY_CALLS}. */
    public static PlatformThreadBudget besideCalls(int maxCalls) {
        return new PlatformThreadBudget(maxCalls + BESIDE_BUSY_CALLS);
    }

    public PlatformThreadBudget(int total) {
        if (total < 2) throw new IllegalArgumentException("total < 2: " + total);
        this.total = total;
    }

    /** The most platform threads the calls and readers hold together. */
    public int total() {
        return total;
    }

    /** Places taken right now: live call and reader threads, and threads about to start. */
    public synchronized int taken() {
        return taken;
    }

    /** Places free right now. */
    public synchronized int free() {
        return total - taken;
    }

    /** Call threads: each takes any free place; null (no thread) when none is free. */
    public ThreadFactory calls(String name) {
        return threads(name, false, () -> 0);
    }

    /**
     * Reader threads: each takes a place only when one stays free for every call thread the calls still want
     * ({@code callsWanting}) and one more stays free for calls; null otherwise.
     */
    public ThreadFactory readers(String name, IntSupplier callsWanting) {
        return threads(name, true, callsWanting);
    }

    /** Whether calls want more threads than the free places allow: readers then give theirs back. */
    public synchronized boolean callsShort(int callsWanting) {
        return callsWanting > total - taken;
    }

    /** Runs {@code action} each time a thread gives its place back (the call pool starts a queued call's thread). */
    public void whenReleased(Runnable action) {
        released.add(action);
    }

    private ThreadFactory threads(String name, boolean reader, IntSupplier callsWanting) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            if (!take(reader, callsWanting)) return null;
            Thread t;
            try {
                t = new Thread(() -> {
                    try {
                        task.run();
                    } finally {
                        giveBack(reader);
                    }
                }, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
            } catch (RuntimeException | Error e) {
                giveBack(reader);
                throw e;
            }
            return t;
        };
    }

    /** Whether a reader thread could take a place now: one free beyond the calls' wish and beyond the last place. */
    public synchronized boolean roomForReader(int callsWanting) {
        return total - taken - 1 - Math.max(0, callsWanting) >= 1;
    }

    private synchronized boolean take(boolean reader, IntSupplier callsWanting) {
        if (reader) {
            // the calls' wish is read under this lock, so two readers racing cannot both take the same spare place
            if (!roomForReader(callsWanting.getAsInt())) return false;
            readers++;
        } else if (taken >= total) {
            return false;
        }
        taken++;
        return true;
    }

    private void giveBack(boolean reader) {
        synchronized (this) {
            taken--;
            if (reader) readers--;
        }
        for (Runnable r : released) r.run();
    }

    /** Reader threads holding a place right now. */
    public synchronized int readers() {
        return readers;
    }
}
