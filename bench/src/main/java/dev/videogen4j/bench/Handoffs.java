package dev.videogen4j.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The control experiment of B1: a hand-written client's steps with the thread hand-offs videogen4j makes
 * between them — the caller hands the submit to a call thread, the poll is scheduled on the timer, which hands
 * it to a call thread, a separate result call goes to a call thread again, and the caller wakes up when the
 * future completes. Pools that hand off as videogen4j's do, and none of its other work. If this costs what videogen4j
 * costs, the difference to the plain hand-written client is the hand-offs.
 *
 * <pre>{@code
 * try (Handoffs h = new Handoffs()) {
 *     String videoUrl = h.generate(handClient, 1);
 * }
 * }</pre>
 */
final class Handoffs implements AutoCloseable {
    // Like core's call pool below its cap (an idle thread takes the next call, else a new one starts, up to 48):
    // core's pool is internal, and one job at a time never reaches the cap where the two differ.
    private final ThreadPoolExecutor calls = new ThreadPoolExecutor(0, 48, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            Handoffs::daemon);
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Handoffs::daemon);

    String generate(HandClient c, long n) throws InterruptedException, ExecutionException {
        CompletableFuture<String> out = new CompletableFuture<>();
        calls.execute(() -> step(out, () -> {
            String handle = c.submit(n);
            pollLater(c, handle, out);
        }));
        return out.get();
    }

    private void pollLater(HandClient c, String handle, CompletableFuture<String> out) {
        timer.schedule(() -> calls.execute(() -> step(out, () -> {
            HandClient.Poll p = c.poll(handle);
            if (!p.done()) {
                pollLater(c, handle, out);
            } else if (c.resultIsACall()) {
                calls.execute(() -> step(out, () -> out.complete(c.result(handle))));
            } else {
                out.complete(p.videoUrl());
            }
        })), 0, TimeUnit.MILLISECONDS);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(CompletableFuture<String> out, Step s) {
        try {
            s.run();
        } catch (Exception e) {
            out.completeExceptionally(e);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "handoffs");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        timer.shutdownNow();
    }
}
