package dev.videogen4j.emulator.internal.fal;

import dev.videogen4j.emulator.internal.EmulatorConfig;
import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.SeededRandom;
import dev.videogen4j.emulator.internal.StatsSink;
import dev.videogen4j.emulator.internal.Timings;
import dev.videogen4j.emulator.internal.VideoFiles;
import dev.videogen4j.emulator.internal.WebhookOutbox;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fal's job store: creates jobs, finds them by app and id, bills them when they start, and
 * schedules their webhooks. Billing is settled lazily against the clock (see {@link
 * #settleBilling}), since nothing runs in the background with a manual clock.
 */
final class FalJobs {
    /** One attempt plus 10 retries, 7 s doubling: the retries span ~2 h (fal-api.md §3). */
    static final WebhookOutbox.RetryPolicy WEBHOOK_RETRY =
            new WebhookOutbox.RetryPolicy(Duration.ofSeconds(7), Duration.ofHours(2), 11);
    private static final String FAIL_TOKEN = "[emulator:fail]";

    private final EmulatorConfig config;
    private final SeededRandom ids;
    private final SeededRandom failures;
    private final VideoFiles videos;
    private final StatsSink stats;
    private final Map<String, FalJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, FalQueue> queues = new ConcurrentHashMap<>();
    private final Set<String> bodyDigests = ConcurrentHashMap.newKeySet();
    private final Set<FalJob> unbilled = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    FalJobs(EmulatorConfig config, SeededRandom ids, SeededRandom failures, VideoFiles videos,
            StatsSink stats) {
        this.config = config;
        this.ids = ids;
        this.failures = failures;
        this.videos = videos;
        this.stats = stats;
    }

    /** The endpoint with this id: a bundled one, or one the emulator was given at build time; null when unknown. */
    FalModel model(String endpointId) {
        FalModel bundled = FalModels.find(endpointId);
        return bundled != null ? bundled : config.extraFalModels().get(endpointId);
    }

    // "5", "10", "8s" or a number; anything else ("auto", absent) books the Kling default of 5 s.
    private static int seconds(Object duration) {
        if (duration instanceof Double d) return d.intValue();
        if (duration instanceof String s && s.matches("\\d+s?")) return Integer.parseInt(s.replace("s", ""));
        return 5;
    }

    /**
     * Queues any well-formed input; {@code inputErrors} (the model's verdict, empty when valid) is
     * revealed only when the job runs. {@code startTimeout} is null unless the caller set one.
     */
    FalJob submit(FalModel model, byte[] rawBody, Object input, List<Map<String, Object>> inputErrors,
            Instant now, Duration startTimeout) {
        if (!bodyDigests.add(digest(model.endpointId(), rawBody))) {
            stats.duplicateSubmission("fal"); // fal has no idempotency key: a resend is a second job
        }
        Timings.Timing timing = config.timings().forModel(model.endpointId());
        String requestId = ids.uuid().toString();
        Map<?, ?> fields = input instanceof Map<?, ?> map ? map : Map.of();
        Object prompt = fields.get("prompt");
        boolean fails = (prompt instanceof String text && text.contains(FAIL_TOKEN))
                || failures.nextDouble() < config.jobFailureRate();
        Instant startAt = now.plus(timing.queue());
        FalJob job = new FalJob(requestId, model, sequence.incrementAndGet(), startAt,
                startAt.plus(timing.run()), startTimeout == null ? null : now.plus(startTimeout), fails,
                inputErrors, seconds(fields.get("duration")), videos.register(ids.uuid().toString(), "MP4"));
        jobs.put(requestId, job);
        stats.jobSubmitted("fal");
        stats.jobRequest("fal", requestId, "fal.submit");
        stats.jobAccepted("fal", requestId, job.completesAt());
        if (job.phase(now) == FalJob.Phase.QUEUED) {
            queue(model).add(job);
        }
        if (!fails && !job.timesOut() && !job.rejected()) {
            // 5xx failures and jobs that never start are not billed. fal's FAQ says a 422 "may" be
            // billed (fal-api.md §2); the emulator does not bill it, which is the unverified case.
            unbilled.add(job);
        }
        return job;
    }

    /** The job with {@code requestId} if it belongs to {@code app} ({@code owner/app}). */
    FalJob find(String app, String requestId) {
        FalJob job = jobs.get(requestId);
        return job != null && job.model().app().equals(app) ? job : null;
    }

    int queuePosition(FalJob job, Instant now) {
        return queue(job.model()).position(job, now);
    }

    int waiting(FalModel model, Instant now) {
        return queue(model).waiting(now);
    }

    /** Bills every job that has started by {@code now}; drops those that never will. */
    void settleBilling(Instant now) {
        for (FalJob job : unbilled) {
            if (job.started(now)) {
                if (unbilled.remove(job)) {
                    BigDecimal price = job.model().documentedPricePerSecond() != null
                            ? job.model().documentedPricePerSecond() : config.placeholderPricePerSecond();
                    stats.billable("fal", job.model().endpointId(), job.requestId(),
                            price.multiply(BigDecimal.valueOf(job.durationSeconds())));
                }
            } else if (job.cancelledAt() != null) {
                unbilled.remove(job); // cancelled while queued: never ran
            }
        }
    }

    /** The webhook for {@code job}: signed envelope at completion, nothing if it is cancelled. */
    WebhookOutbox.Delivery webhook(FalJob job, String url, FalResponses responses,
            FalWebhookSigner signer) {
        return new WebhookOutbox.Delivery() {
            @Override public String vendor() { return "fal"; }
            @Override public String url() { return url; }
            @Override public WebhookOutbox.Prepared prepare(Instant now) {
                FalJob.Phase phase = job.phase(now);
                if (phase == FalJob.Phase.CANCELLED) {
                    return null;
                }
                Map<String, Object> envelope = Json.object("request_id", job.requestId(),
                        "gateway_request_id", job.requestId());
                if (phase == FalJob.Phase.SUCCEEDED) {
                    envelope.put("status", "OK");
                    envelope.put("payload", responses.output(job));
                } else if (phase == FalJob.Phase.REJECTED) {
                    // The documented ERROR example: "Invalid status code: 422" + detail[] payload
                    // (https://docs.fal.ai/model-endpoints/webhooks, read 2026-12-01).
                    envelope.put("status", "ERROR");
                    envelope.put("error", "Invalid status code: 422");
                    envelope.put("payload", Map.of("detail", job.inputErrors()));
                } else {
                    FalResponses.Failure failure = FalResponses.failure(phase);
                    envelope.put("status", "ERROR");
                    envelope.put("error", "Invalid status code: " + failure.httpStatus());
                    envelope.put("payload", Map.of("detail", failure.detail(), "error_type", failure.errorType()));
                }
                byte[] body = Json.write(envelope);
                return new WebhookOutbox.Prepared(body, signer.headers(job.requestId(), now.getEpochSecond(), body));
            }
        };
    }

    private FalQueue queue(FalModel model) {
        return queues.computeIfAbsent(model.endpointId(), id -> new FalQueue());
    }

    private static String digest(String endpointId, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpointId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
