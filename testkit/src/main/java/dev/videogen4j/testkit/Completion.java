package dev.videogen4j.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Joins a finished future the way a test wants it: the value, or the failure itself rather than its wrapper. */
final class Completion {
    private Completion() {
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}
