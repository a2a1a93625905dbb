package dev.videogen4j.fal;

import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.fal.WebhookVerificationException.Reason;
import dev.videogen4j.fal.internal.Ed25519Jwks;
import dev.videogen4j.fal.internal.FalJson;
import dev.videogen4j.fal.internal.FalJwksCache;
import dev.videogen4j.fal.internal.FalWebhookEvents;
import dev.videogen4j.fal.internal.FalWebhookSignature;
import dev.videogen4j.http.internal.HttpClients;
import dev.videogen4j.spi.SharedResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Reads fal's webhooks (the {@code ?fal_webhook=} completion notices) and checks they really come from fal.
 * fal signs each delivery with Ed25519 over {@code request_id \n user_id \n timestamp \n sha256hex(body)}, sends the
 * parts in {@code X-Fal-Webhook-Request-Id}, {@code -User-Id}, {@code -Timestamp} and {@code -Signature}, and
 * publishes its keys as a JWKS. A delivery is accepted when its timestamp is within 5 minutes of now and any
 * published key verifies the signature over the raw body bytes.
 *
 * <p>Create one and reuse it: it caches fal's keys (24 hours at most) and refetches them early when a signature
 * fails, in case fal rotated them.
 *
 * <pre>{@code
 * FalWebhooks webhooks = FalWebhooks.create();     // keys from https://rest.alpha.fal.ai/.well-known/jwks.json
 *
 * @PostMapping("/hooks/fal")
 * ResponseEntity<Void> falHook(@RequestBody byte[] body, @RequestHeader Map<String, String> headers) {
 *     try {
 *         client.onWebhook(webhooks.verifyAndParse(body, headers));   // dedupe on request_id: fal may redeliver
 *         return ResponseEntity.ok().build();
 *     } catch (WebhookVerificationException e) {
 *         return ResponseEntity.status(401).build();
 *     }
 * }
 * }</pre>
 */
public final class FalWebhooks {
    /** Where fal publishes its webhook signing keys. */
    public static final String DEFAULT_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";
    /** The most fal allows between its timestamp and our clock, either way. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    /** The longest fal allows its keys to be cached. */
    public static final Duration MAX_CACHE = Duration.ofHours(24);

    private final FalJwksCache keys;
    private final Clock clock;

    private FalWebhooks(Builder b) {
        this.clock = b.clock;
        if (b.jwks != null) {
            this.keys = FalJwksCache.fixed(b.jwks);
        } else {
            HttpUrl url = HttpUrl.parse(b.jwksUrl);
            if (url == null) {
                throw new ConfigurationException("fal JWKS URL is not an http(s) URL: " + b.jwksUrl);
            }
            // The whole fetch is bounded by the timeout (a JWKS dripping a byte a second would otherwise hold every
            // verification that has no keys yet), and no redirect is followed to another host. Over the client's
            // connection pool when one is shared, else over a pool of its own.
            OkHttpClient http = HttpClients.transport(b.shared).newBuilder().connectTimeout(b.timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(b.timeout.toMillis(), TimeUnit.MILLISECONDS).callTimeout(b.timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false).build();
            this.keys = FalJwksCache.fetching(url, http, clock, b.cacheFor);
        }
    }

    /** Keys from fal's JWKS URL, the system clock. */
    public static FalWebhooks create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the delivery, then parses it.
     *
     * @param body    the raw request body, exactly as received (re-serialised JSON will not verify)
     * @param headers the request headers; names are matched ignoring case
     * @throws WebhookVerificationException when the delivery is not verifiably from fal, or not a fal envelope
     */
    public WebhookEvent verifyAndParse(byte[] body, Map<String, String> headers) {
        verify(body, headers);
        return parse(body);
    }

    /** @throws WebhookVerificationException saying what is wrong with the delivery */
    public void verify(byte[] body, Map<String, String> headers) {
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(headers, "headers == null");
        FalWebhookSignature signature = FalWebhookSignature.from(headers, clock, TOLERANCE);
        try {
            if (signature.verifies(body, keys.keys())) {
                return;
            }
            if (keys.refreshAfterMiss() && signature.verifies(body, keys.keys())) {
                return;
            }
        } catch (IOException e) {
            throw new WebhookVerificationException(Reason.NO_KEYS, "fal's webhook keys could not be fetched: "
                    + e.getMessage(), e);
        }
        throw new WebhookVerificationException(Reason.BAD_SIGNATURE,
                "fal webhook signature does not match the body under any published key (forged, tampered with, or"
                        + " the body was re-serialised before verification)");
    }

    /**
     * Parses a delivery without verifying it: for tests, or behind a gateway that already verified it.
     *
     * @throws WebhookVerificationException with {@link Reason#MALFORMED_BODY} when it is not a fal envelope
     */
    public static WebhookEvent parse(byte[] body) {
        Objects.requireNonNull(body, "body == null");
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** {@link #parse(byte[])} for a body already decoded as text (as {@code RunwareWebhooks.parse(String)}). */
    public static WebhookEvent parse(String body) {
        Objects.requireNonNull(body, "body == null");
        try {
            return FalWebhookEvents.parse(body);
        } catch (FalJson.FalParseException e) {
            throw new WebhookVerificationException(Reason.MALFORMED_BODY, "not a fal webhook body: " + e.getMessage(), e);
        }
    }

    /**
     * Configures a {@link FalWebhooks}.
     *
     * <pre>{@code
     * FalWebhooks hooks = FalWebhooks.builder().jwks(savedJwksJson).clock(clock).build();   // no network
     * }</pre>
     */
    public static final class Builder {
        private String jwksUrl = DEFAULT_JWKS_URL;
        private List<PublicKey> jwks;
        private Duration cacheFor = MAX_CACHE;
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private SharedResources shared;

        private Builder() {
        }

        /**
         * Fetch keys over the HTTP connection pool of a client's providers instead of a pool of its own:
         * {@code FalWebhooks.builder().sharing(client.sharedResources()).build()}.
         */
        public Builder sharing(SharedResources resources) {
            this.shared = Objects.requireNonNull(resources, "resources == null");
            return this;
        }

        /** Fetch keys from this URL instead of fal's (an emulator, a mirror). */
        public Builder jwksUrl(String url) {
            this.jwksUrl = Objects.requireNonNull(url, "url == null");
            return this;
        }

        /**
         * Use the keys of this JWKS document and never fetch.
         *
         * @throws ConfigurationException when the document has no usable Ed25519 key
         */
        public Builder jwks(String jwksJson) {
            Objects.requireNonNull(jwksJson, "jwksJson == null");
            List<PublicKey> parsed;
            try {
                parsed = Ed25519Jwks.parse(jwksJson);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("fal JWKS is malformed: " + e.getMessage(), e);
            }
            if (parsed.isEmpty()) {
                throw new ConfigurationException("fal JWKS has no usable Ed25519 key");
            }
            this.jwks = parsed;
            return this;
        }

        /** How long fetched keys are kept; at most (and by default) 24 hours. */
        public Builder cacheFor(Duration duration) {
            Objects.requireNonNull(duration, "duration == null");
            if (duration.isNegative() || duration.compareTo(MAX_CACHE) > 0) {
                throw new IllegalArgumentException("cacheFor must be between 0 and 24 hours: " + duration);
            }
            this.cacheFor = duration;
            return this;
        }

        /** Connect and read timeout of the JWKS fetch (default 10 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout == null");
            return this;
        }

        /** The clock timestamps are checked against (inject one in tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public FalWebhooks build() {
            return new FalWebhooks(this);
        }
    }
}
