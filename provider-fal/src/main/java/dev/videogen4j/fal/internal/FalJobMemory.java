package dev.videogen4j.fal.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * What the adapter remembers per fal request between calls: the status/result/cancel URLs submit returned,
 * and how often reading a COMPLETED job's result got an untyped 5xx. Bounded, least recently used first out; losing an
 * entry (eviction, a restart, a resumed handle) is safe: URLs are then built from the endpoint id, and the read
 * count starts again.
 *
 * <pre>{@code
 * memory.remember(requestId, urls);          // after submit
 * FalJobMemory.Urls u = memory.urls(requestId);   // null when unknown
 * int n = memory.countResultRead(requestId);
 * }</pre>
 */
public final class FalJobMemory {
    /**
     * The URLs fal returned for one request, each of the configured base's origin. The cancel URL stays text until
     * a job is cancelled: parsing a URL costs ~1.5 KB, and few jobs are cancelled.
     */
    public record Urls(HttpUrl status, HttpUrl response, String cancel) {
    }

    private static final class Entry {
        Urls urls;
        int resultReads;
    }

    private final Map<String, Entry> entries;

    public FalJobMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(String requestId, Urls urls) {
        entries.computeIfAbsent(requestId, k -> new Entry()).urls = urls;
    }

    /** The URLs submit returned for this request, or {@code null}. */
    public synchronized Urls urls(String requestId) {
        Entry e = entries.get(requestId);
        return e == null ? null : e.urls;
    }

    /** Counts one more untyped 5xx answer to a COMPLETED request's result read; returns how many so far. */
    public synchronized int countResultRead(String requestId) {
        return ++entries.computeIfAbsent(requestId, k -> new Entry()).resultReads;
    }

    /** Forgets a request that reached its end. */
    public synchronized void forget(String requestId) {
        entries.remove(requestId);
    }
}
