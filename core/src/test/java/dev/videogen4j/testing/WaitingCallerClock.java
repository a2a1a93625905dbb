package dev.videogen4j.testing;

/**
 * Moves virtual time on for a blocking call on the test thread: whenever that thread is parked waiting (a blocking
 * {@code generate} parks only when it has nothing to run), the scheduler's next task runs, as a real clock would
 * let it, only at once. The fired task is the waiting caller's to run, so the test thread still does the work.
 *
 * <pre>{@code
 * try (WaitingCallerClock time = WaitingCallerClock.start(scheduler)) {
 *     VideoResult r = client.generate(request);    // polls 2 s, 5 s, 9.5 s... in virtual time
 * }
 * }</pre>
 */
public final class WaitingCallerClock implements AutoCloseable {
    private final Thread driver;
    private volatile boolean stopped;

    private WaitingCallerClock(VirtualScheduler scheduler, Thread caller) {
        this.driver = new Thread(() -> {
            while (!stopped) {
                if (caller.getState() != Thread.State.WAITING || scheduler.pending() == 0) {
                    Thread.yield();
                    continue;
                }
                scheduler.runNext();
                // The fired task woke the caller: let it take the task before time moves on (a caller the task did
                // not concern stays parked; then time moves on after a moment).
                long until = System.nanoTime() + 200_000_000L;
                while (caller.getState() == Thread.State.WAITING && System.nanoTime() < until) Thread.yield();
            }
        }, "virtual-time");
        driver.setDaemon(true);
    }

    /** Drives {@code scheduler} for the calling thread until closed. */
    public static WaitingCallerClock start(VirtualScheduler scheduler) {
        WaitingCallerClock c = new WaitingCallerClock(scheduler, Thread.currentThread());
        c.driver.start();
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        driver.join();
    }
}
