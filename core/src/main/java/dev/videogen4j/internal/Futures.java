package dev.videogen4j.internal;

import dev.videogen4j.error.VideoGenException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting on the engine's futures from blocking code, and the one place that unwraps their failures. */
public final class Futures {
    private Futures() {
    }

    /**
     * The future's value; its failure rethrown as itself (unwrapped from Completion/ExecutionException) so blocking
     * callers catch {@code InvalidRequestException} and the like directly.
     */
    public static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoGenException("Interrupted while waiting", e);
        } catch (ExecutionException e) {
            Throwable c = unwrap(e);
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            throw new VideoGenException("Unexpected failure: " + c, c);
        }
    }

    /** The failure itself, out of the CompletionException/ExecutionException wrappers futures add around it. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
