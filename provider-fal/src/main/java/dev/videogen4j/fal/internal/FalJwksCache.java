package dev.videogen4j.fal.internal;

import dev.videogen4j.http.internal.Bodies;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * fal's webhook signing keys: fetched from the JWKS URL and kept for at most the configured time (fal says
 * 24 h at most), or given once and kept for good. The fetch sends no credentials: the JWKS is public.
 *
 * <pre>{@code
 * FalJwksCache keys = FalJwksCache.fetching(HttpUrl.get(url), http, clock, Duration.ofHours(24));
 * List<PublicKey> current = keys.keys();
 * }</pre>
 */
public final class FalJwksCache {
    // After a signature fails, refetch at most this often: a key may have rotated, but a forger must not be
    // able to make us hammer fal's JWKS endpoint.
    private static final Duration MIN_REFRESH = Duration.ofMinutes(5);

    private final HttpUrl url;
    private final OkHttpClient http;
    private final Clock clock;
    private final Duration ttl;
    // A JWKS of a few keys is a few hundred bytes; a 200 MB one is hostile and is not read whole.
    private static final long MAX_JWKS_BYTES = 256 * 1024;
    private volatile List<PublicKey> keys;
    private volatile Instant fetchedAt;
    // One fetch at a time; verifications that already have keys never wait for it.
    private final java.util.concurrent.locks.ReentrantLock fetching = new java.util.concurrent.locks.ReentrantLock();

    private FalJwksCache(HttpUrl url, OkHttpClient http, Clock clock, Duration ttl, List<PublicKey> keys) {
        this.url = url;
        this.http = http;
        this.clock = clock;
        this.ttl = ttl;
        this.keys = keys;
    }

    public static FalJwksCache fixed(List<PublicKey> keys) {
        return new FalJwksCache(null, null, null, null, List.copyOf(keys));
    }

    public static FalJwksCache fetching(HttpUrl url, OkHttpClient http, Clock clock, Duration ttl) {
        return new FalJwksCache(Objects.requireNonNull(url, "url == null"), http, clock, ttl, null);
    }

    /**
     * The current keys, fetched first if there are none yet. Keys older than the TTL are refreshed by one caller
     * while the others go on verifying with the keys they have: a slow JWKS endpoint must not stall deliveries.
     */
    public List<PublicKey> keys() throws IOException {
        List<PublicKey> current = keys;
        if (url == null || (current != null && clock.instant().isBefore(fetchedAt.plus(ttl)))) {
            return current;
        }
        if (current == null) {
            fetching.lock();
            try {
                if (keys == null) fetch();
                return keys;
            } finally {
                fetching.unlock();
            }
        }
        if (!fetching.tryLock()) return current;   // another delivery is refreshing: verify with what we have
        try {
            if (!clock.instant().isBefore(fetchedAt.plus(ttl))) {
                try {
                    fetch();
                } catch (IOException stillValidEnough) {
                    return current;   // fal unreachable: the keys we have beat failing every delivery
                }
            }
            return keys;
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Refetches if the keys were fetched long enough ago (a signature just failed: fal may have rotated keys).
     *
     * @return true when new keys were fetched
     */
    public boolean refreshAfterMiss() throws IOException {
        if (url == null || fetchedAt == null || clock.instant().isBefore(fetchedAt.plus(MIN_REFRESH))) {
            return false;
        }
        if (!fetching.tryLock()) return false;   // a refresh is under way; this delivery does not wait for it
        try {
            fetch();
            return true;
        } finally {
            fetching.unlock();
        }
    }

    private void fetch() throws IOException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response r = http.newCall(request).execute()) {
            String text = Bodies.read(r.body(), MAX_JWKS_BYTES);
            if (!r.isSuccessful()) {
                throw new IOException("JWKS " + url + " answered HTTP " + r.code());
            }
            try {
                List<PublicKey> parsed = List.copyOf(Ed25519Jwks.parse(text));
                fetchedAt = clock.instant();   // before keys: a reader that sees the keys must see their age
                keys = parsed;
            } catch (IllegalArgumentException e) {
                throw new IOException("JWKS " + url + ": " + e.getMessage(), e);
            }
        }
    }
}
