package dev.videogen4j.http.internal;

import dev.videogen4j.spi.Redactor;
import dev.videogen4j.spi.SharedResources;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one way a videogen4j adapter builds its OkHttp client, so every vendor gets the same transport rules:
 * <ul>
 *   <li>connect, read and write timeouts, and a whole-call deadline ({@code callTimeout}) that also bounds an
 *       answer dripping one byte at a time;</li>
 *   <li>no redirect is followed (a 307 would re-POST the prompt and images to whatever host it names);</li>
 *   <li>no request is ever resent by OkHttp: not after a connection failure, and not on its own
 *       {@code 503 + Retry-After: 0} retry, which {@link ResendGuard} disarms. A submit creates a billable job:
 *       only core decides what is safe to send again;</li>
 *   <li>a versioned {@code User-Agent: videogen4j/<version> (<provider>)};</li>
 *   <li>the DEBUG {@link ExchangeLog}, which runs before the credentials are added;</li>
 *   <li>one connection pool and dispatcher for every provider of a client and of the clients made from it with
 *       {@code newBuilder()}, when core hands the adapter {@link SharedResources}.</li>
 * </ul>
 *
 * <pre>{@code
 * OkHttpClient c = HttpClients.create(new HttpClients.Settings("fal", connect, read, call, "x-fal-request-id"),
 *         r -> r.header("Authorization", "Key " + key.reveal()));
 * }</pre>
 */
public final class HttpClients {
    // Thousands of jobs may be polled at once by core's workers; OkHttp's defaults (64 requests, 5 per host)
    // would queue them behind each other.
    private static final int MAX_REQUESTS = 256;
    // Keep as many connections idle as calls may run at once: core runs up to 48 on platform threads and 256 on
    // virtual threads (VIDEOGEN4J_MAX_CONCURRENT_CALLS). In a saturated burst every call's connection is idle for a
    // moment between one call and the next (its virtual thread waits for a carrier), and OkHttp's closer, run after
    // each call, closes all idle ones beyond this limit: at 64, B2 on JDK 25 opened 1,000-1,600 connections for the
    // 256 it used at once, each a connect here and a thread on the server's side. Never more are opened than calls
    // run at once, so on JDK 17 the pool stays at ~50 whatever this says.
    private static final int IDLE_CONNECTIONS = MAX_REQUESTS;
    private static final String VERSION = version();
    private static final String SHARED_KEY = "videogen4j.http.transport";
    // Dispatchers of shared transports: the last client sharing one releases it, never a single provider's close.
    private static final Set<Dispatcher> SHARED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * What differs between adapters.
     *
     * @param providerId      the provider's id: the log name {@code dev.videogen4j.http.<id>} and the User-Agent
     * @param connectTimeout  connect timeout
     * @param readTimeout     read and write timeout (between two bytes)
     * @param callTimeout     the whole call, from DNS to the last byte of the body; zero means none
     * @param requestIdHeader a response header naming the vendor's request id for the log, or {@code null}
     * @param redactor        the redactor of the adapter's key: the exchange log scrubs its lines with it
     * @param shared          where the connection pool and dispatcher are shared ({@code ProviderConfig.shared()}),
     *                        or {@code null} for a client with its own
     */
    public record Settings(String providerId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                           String requestIdHeader, Redactor redactor, SharedResources shared) {
        public Settings {
            Objects.requireNonNull(providerId, "providerId == null");
            Objects.requireNonNull(connectTimeout, "connectTimeout == null");
            Objects.requireNonNull(readTimeout, "readTimeout == null");
            Objects.requireNonNull(callTimeout, "callTimeout == null");
            redactor = redactor == null ? Redactor.none() : redactor;
        }

        /** Settings for an adapter without a key to scrub, with a connection pool of its own. */
        public Settings(String providerId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                        String requestIdHeader) {
            this(providerId, connectTimeout, readTimeout, callTimeout, requestIdHeader, null, null);
        }

        /** Settings of an adapter with a connection pool of its own. */
        public Settings(String providerId, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                        String requestIdHeader, Redactor redactor) {
            this(providerId, connectTimeout, readTimeout, callTimeout, requestIdHeader, redactor, null);
        }
    }

    private HttpClients() {
    }

    /**
     * A client with the shared rules; {@code headers} adds the vendor's own headers (credentials) to every request
     * after the exchange log has seen it.
     */
    public static OkHttpClient create(Settings settings, UnaryOperator<Request.Builder> headers) {
        String userAgent = userAgent(settings.providerId());
        // A client derived from the transport shares its connection pool and dispatcher, nothing else.
        return transport(settings.shared()).newBuilder()
                // OkHttp silently resends a request after some connection failures: for a submit that is a hidden
                // second billable job. Whether to resend is core's decision (Runware: same taskUUID, deduplicated).
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                // OkHttp 5 races each new connection on a TaskRunner thread of its own ("fast fallback"): a burst of
                // 64 calls opening connections at once added ~45 threads in the 10,000-job benchmark. Connect on the
                // calling thread instead; it waits for the connection anyway.
                .fastFallback(false)
                // Logs before the key is added, and never headers anyway.
                .addInterceptor(new ExchangeLog(settings.providerId(), settings.requestIdHeader(), settings.redactor()))
                .addInterceptor(chain -> chain.proceed(headers.apply(chain.request().newBuilder())
                        .header("User-Agent", userAgent).build()))
                .addNetworkInterceptor(new ResendGuard())
                // closest to the wire: the instants an exchange was on it, for a request that asks (WireTimes)
                .addNetworkInterceptor(WireTimes.STAMP)
                .build();
    }

    /** {@code request} with the headers {@link #create} adds, for previews of requests that are never sent. */
    public static Request withHeaders(Request request, String providerId, UnaryOperator<Request.Builder> headers) {
        return headers.apply(request.newBuilder()).header("User-Agent", userAgent(providerId)).build();
    }

    /**
     * Whether an error status means the same with or without a readable body: an HTML 401/403 page from a proxy is
     * still an authentication failure, a bare 402 still credits, a bare 429 still wants a back-off. Other
     * unreadable bodies are reported as unparseable.
     */
    public static boolean statusSpeaksForItself(int status) {
        return status == 401 || status == 402 || status == 403 || status == 429;
    }

    /** {@code videogen4j/0.1.0 (runware)}. */
    public static String userAgent(String providerId) {
        return "videogen4j/" + VERSION + " (" + providerId + ")";
    }

    /**
     * The connection pool and dispatcher held in {@code shared} (made on first use, released with it), or new ones
     * when {@code shared} is null. Derive a client with {@code newBuilder()}: it uses both, and adds its own rules.
     */
    public static OkHttpClient transport(SharedResources shared) {
        if (shared == null) return newTransport();
        return shared.get(SHARED_KEY, OkHttpClient.class, () -> {
            OkHttpClient t = newTransport();
            SHARED.add(t.dispatcher());
            return t;
        }, HttpClients::release);
    }

    private static OkHttpClient newTransport() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES)).build();
    }

    /**
     * Stops the client's threads and closes its idle connections, unless they are shared: then the other clients
     * keep them, and core releases them when the last client sharing them closes.
     */
    public static void close(OkHttpClient client) {
        if (!SHARED.contains(client.dispatcher())) release(client);
    }

    private static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static String version() {
        try (InputStream in = HttpClients.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
