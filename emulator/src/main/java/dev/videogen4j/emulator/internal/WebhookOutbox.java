package dev.videogen4j.emulator.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Webhook POSTs waiting for their time on the emulator clock, with per-vendor retry. Nothing
 * here runs by itself: {@link #deliverDue()} sends what is due, called by the emulator's
 * background thread (real clock) or by the test (manual clock).
 */
public final class WebhookOutbox implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");

    /** One webhook: who it is for and, when its time comes, what to send. */
    public interface Delivery {
        String vendor();

        String url();

        /** The request for an attempt made at {@code now}, or null when it is no longer wanted. */
        Prepared prepare(Instant now);
    }

    /** The body and extra headers of one attempt. */
    public record Prepared(byte[] body, Map<String, String> headers) {}

    /** Exponential backoff without jitter (jitter would break determinism). */
    public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
        Duration delayAfter(int attempt) {
            Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 1, 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    private record Scheduled(Instant dueAt, long order, Delivery delivery, RetryPolicy policy,
            int attempt) {}

    private final Clock clock;
    private final StatsSink stats;
    private final OkHttpClient client;
    private final AtomicLong order = new AtomicLong();
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparing(Scheduled::dueAt).thenComparingLong(Scheduled::order));
    private final ReentrantLock deliveryLock = new ReentrantLock();

    public WebhookOutbox(Clock clock, StatsSink stats) {
        this.clock = clock;
        this.stats = stats;
        // Receivers are asked to answer within ~5 s (runware-api.md §3); redirects count as failures.
        this.client = new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                .retryOnConnectionFailure(false).followRedirects(false).build();
    }

    public void schedule(Instant dueAt, Delivery delivery, RetryPolicy policy) {
        enqueue(new Scheduled(dueAt, order.incrementAndGet(), delivery, policy, 1));
    }

    /** Sends every webhook due at the clock's current time; returns the number of POSTs made. */
    public int deliverDue() {
        deliveryLock.lock(); // one delivery run at a time, so attempts stay in due order
        try {
            int attempts = 0;
            for (Scheduled due = pollDue(); due != null; due = pollDue()) {
                Prepared prepared = due.delivery().prepare(clock.instant());
                if (prepared != null) {
                    attempt(due, prepared);
                    attempts++;
                }
            }
            return attempts;
        } finally {
            deliveryLock.unlock();
        }
    }

    /** Webhooks not yet delivered or abandoned. */
    public synchronized int pending() {
        return queue.size();
    }

    private void attempt(Scheduled due, Prepared prepared) {
        boolean delivered = post(due.delivery().url(), prepared);
        boolean lastAttempt = due.attempt() >= due.policy().maxAttempts();
        stats.webhookAttempt(due.delivery().vendor(), delivered, !delivered && lastAttempt);
        if (!delivered && !lastAttempt) {
            Instant retryAt = clock.instant().plus(due.policy().delayAfter(due.attempt()));
            enqueue(new Scheduled(retryAt, order.incrementAndGet(), due.delivery(), due.policy(),
                    due.attempt() + 1));
        }
    }

    private boolean post(String url, Prepared prepared) {
        Request.Builder request = new Request.Builder().url(url)
                .header("User-Agent", "videogen4j-emulator").post(RequestBody.create(prepared.body(), JSON));
        prepared.headers().forEach(request::header);
        try (Response response = client.newCall(request.build()).execute()) {
            return response.isSuccessful();
        } catch (IOException | IllegalArgumentException e) {
            return false; // unreachable receiver or a URL OkHttp cannot use: retried like a non-2xx
        }
    }

    private synchronized void enqueue(Scheduled scheduled) {
        queue.add(scheduled);
    }

    private synchronized Scheduled pollDue() {
        Scheduled head = queue.peek();
        return head != null && !head.dueAt().isAfter(clock.instant()) ? queue.poll() : null;
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
