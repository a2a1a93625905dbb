package dev.videogen4j.fal.internal;

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
import okhttp3.ResponseBody;

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
    private List<PublicKey> keys;
    private Instant fetchedAt;

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

    /** The current keys, fetched first if there are none yet or they are older than the TTL. */
    public synchronized List<PublicKey> keys() throws IOException {
        if (url != null && (keys == null || !clock.instant().isBefore(fetchedAt.plus(ttl)))) {
            fetch();
        }
        return keys;
    }

    /**
     * Refetches if the keys were fetched long enough ago (a signature just failed: fal may have rotated keys).
     *
     * @return true when new keys were fetched
     */
    public synchronized boolean refreshAfterMiss() throws IOException {
        if (url == null || fetchedAt == null || clock.instant().isBefore(fetchedAt.plus(MIN_REFRESH))) {
            return false;
        }
        fetch();
        return true;
    }

    private void fetch() throws IOException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response r = http.newCall(request).execute()) {
            ResponseBody body = r.body();
            String text = body == null ? "" : body.string();
            if (!r.isSuccessful()) {
                throw new IOException("JWKS " + url + " answered HTTP " + r.code());
            }
            try {
                keys = List.copyOf(Ed25519Jwks.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IOException("JWKS " + url + ": " + e.getMessage(), e);
            }
            fetchedAt = clock.instant();
        }
    }
}
