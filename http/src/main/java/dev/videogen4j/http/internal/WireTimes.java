package dev.videogen4j.http.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * When one exchange was on the wire, by the client's clock: from the moment its request's headers went out (the
 * connection already open) to the moment its answer's headers came in (its body not read yet). A vendor starts a
 * job somewhere in between; the time around that window (opening a connection, building the request, reading and
 * parsing the answer) is the client's own and, on a cold JVM, can take longer than the exchange itself. Clients from
 * {@link HttpClients#create} fill the one a request {@link #carriedBy carries}.
 *
 * <pre>{@code
 * WireTimes wire = new WireTimes(clock);
 * try (Response r = http.newCall(WireTimes.carriedBy(builder, wire).build()).execute()) { ... }
 * receipt.exchangedBetween(wire.sentAt(), wire.answeredAt());
 * }</pre>
 */
public final class WireTimes {
    /** The network interceptor that stamps the {@link WireTimes} a request carries, if any. */
    static final Interceptor STAMP = WireTimes::stamp;

    private final Clock clock;
    private volatile Instant sentAt;
    private volatile Instant answeredAt;

    public WireTimes(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * {@code builder}, carrying {@code wire} to be stamped, or as it is when {@code wire} is null (a request only shown,
     * never sent). Set while the request is built: attaching to a built request would copy it.
     */
    public static Request.Builder carriedBy(Request.Builder builder, WireTimes wire) {
        return wire == null ? builder : builder.tag(WireTimes.class, wire);
    }

    /** When the request's headers went out; null until they did. */
    public Instant sentAt() {
        return sentAt;
    }

    /** When the answer's headers came in; null until they did (or when the exchange failed). */
    public Instant answeredAt() {
        return answeredAt;
    }

    private static Response stamp(Interceptor.Chain chain) throws IOException {
        WireTimes times = chain.request().tag(WireTimes.class);
        if (times == null) return chain.proceed(chain.request());
        times.answeredAt = null;   // a second exchange of the same call (a follow-up) is the one that counts
        times.sentAt = times.clock.instant();
        Response response = chain.proceed(chain.request());
        times.answeredAt = times.clock.instant();
        return response;
    }
}
