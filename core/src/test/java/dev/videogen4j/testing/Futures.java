package dev.videogen4j.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Reads completed futures in tests without blocking. */
public final class Futures {
    private Futures() {
    }

    /** The value of a future that must have completed normally. */
    public static <T> T value(CompletableFuture<T> f) {
        if (!f.isDone()) throw new AssertionError("future is still pending");
        try {
            return f.getNow(null);
        } catch (CompletionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        }
    }

    /** The exception of a future that must have failed, unwrapped from CompletionException, of the given type. */
    public static <E extends Throwable> E failure(CompletableFuture<?> f, Class<E> type) {
        if (!f.isDone()) throw new AssertionError("future is still pending");
        if (!f.isCompletedExceptionally()) throw new AssertionError("future succeeded with " + f.getNow(null));
        Throwable t;
        try {
            f.get();
            throw new AssertionError("unreachable");
        } catch (ExecutionException e) {
            t = e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } catch (java.util.concurrent.CancellationException e) {
            t = e;
        }
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        if (!type.isInstance(t)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + t, t);
        }
        return type.cast(t);
    }
}
