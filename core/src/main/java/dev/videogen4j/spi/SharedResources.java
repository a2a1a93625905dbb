package dev.videogen4j.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Objects the providers of related clients share, such as one HTTP connection pool: every client made from
 * another with {@link dev.videogen4j.VideoClient#newBuilder()} hands its providers the same instance (in
 * {@link ProviderConfig#shared()}), and core releases what it holds when the last of those clients closes.
 * An adapter asks for what it wants to share under a key of its own and never releases it itself.
 *
 * <pre>{@code
 * // in a factory's create(config): one pool for every client of the family
 * ConnectionPool pool = config.shared() == null ? new ConnectionPool()
 *         : config.shared().get("acme.pool", ConnectionPool.class, ConnectionPool::new, ConnectionPool::evictAll);
 * }</pre>
 */
public final class SharedResources implements AutoCloseable {
    private final Map<String, Held<?>> held = new LinkedHashMap<>();
    private boolean closed;

    private record Held<T>(T value, Consumer<? super T> release) {
        void releaseValue() {
            release.accept(value);
        }
    }

    /**
     * The object held under {@code key}, made by {@code create} on the first request.
     *
     * @param release how core releases it when the last client sharing it closes
     * @throws IllegalStateException    when these resources were already released
     * @throws IllegalArgumentException when another type is held under the key
     */
    public synchronized <T> T get(String key, Class<T> type, Supplier<? extends T> create, Consumer<? super T> release) {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(type, "type == null");
        if (closed) throw new IllegalStateException("shared resources were released; " + key + " cannot be shared");
        Held<?> h = held.get(key);
        if (h == null) {
            T made = Objects.requireNonNull(create.get(), "create returned null");
            held.put(key, new Held<>(made, Objects.requireNonNull(release, "release == null")));
            return made;
        }
        if (!type.isInstance(h.value())) {
            throw new IllegalArgumentException(key + " holds a " + h.value().getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(h.value());
    }

    /** Whether anything is held under {@code key}. */
    public synchronized boolean holds(String key) {
        return held.containsKey(key);
    }

    /**
     * Releases everything held, the newest first. Core calls it when the last client sharing these resources
     * closes; an adapter must not. A release that fails does not keep the others.
     */
    @Override
    public void close() {
        List<Held<?>> release;
        synchronized (this) {
            if (closed) return;
            closed = true;
            release = new ArrayList<>(held.values());
            held.clear();
        }
        for (int i = release.size() - 1; i >= 0; i--) {
            try {
                release.get(i).releaseValue();
            } catch (RuntimeException e) {
                // best effort, like closing a client: the other resources are still released
            }
        }
    }
}
