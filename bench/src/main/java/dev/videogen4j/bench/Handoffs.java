package dev.videogen4j.bench;

import dev.videogen4j.internal.CallPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The control experiment of B1: a hand-written client's steps with the thread hand-offs videogen4j makes
 * between them — the caller hands the submit to a call thread, the poll is scheduled on the timer, which hands
 * it to a call thread, a separate result call goes to a call thread again, and the caller wakes up when the
 * future completes. The same pools videogen4j uses, and none of its other work. If this costs what videogen4j
 * costs, the difference to the plain hand-written client is the hand-offs.
 *
 * <pre>{@code
 * try (Handoffs h = new Handoffs()) {
 *     String videoUrl = h.generate(handClient, 1);
 * }
 * }</pre>
 */
final class Handoffs implements AutoCloseable {
    private final CallPool calls = new CallPool(48, 30, TimeUnit.SECONDS, Handoffs::daemon);
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
