package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.RunwareWebhookFormat;
import dev.videogen4j.emulator.internal.EmulatorConfig;
import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.SeededRandom;
import dev.videogen4j.emulator.internal.StatsSink;
import dev.videogen4j.emulator.internal.Timings;
import dev.videogen4j.emulator.internal.VideoFiles;
import dev.videogen4j.emulator.internal.WebhookOutbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runware's job store: accepts submits, answers polls, schedules webhooks, bills. */
final class RunwareJobs {
    /** 250 ms doubling, capped at 8 s (runware-api.md §3); the attempt bound is the emulator's. */
    static final WebhookOutbox.RetryPolicy WEBHOOK_RETRY =
            new WebhookOutbox.RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(8), 10);
    private static final String FAIL_TOKEN = "[emulator:fail]";

    private final EmulatorConfig config;
    private final SeededRandom ids;
    private final SeededRandom failures;
    private final VideoFiles videos;
    private final WebhookOutbox outbox;
    private final StatsSink stats;
    private final Map<String, RunwareJob> jobs = new ConcurrentHashMap<>();
    private final java.util.Set<String> acceptedContent = ConcurrentHashMap.newKeySet();

    RunwareJobs(EmulatorConfig config, SeededRandom ids, SeededRandom failures, VideoFiles videos,
            WebhookOutbox outbox, StatsSink stats) {
        this.config = config;
        this.ids = ids;
        this.failures = failures;
        this.videos = videos;
        this.outbox = outbox;
        this.stats = stats;
    }

    /** The ack for a valid task, or why it was refused. Answers {@code conflictTaskUUID} first. */
    Object submit(Map<String, Object> task, Instant now) {
        Object uuid = task.get("taskUUID");
        if (uuid instanceof String taskUUID && jobs.containsKey(taskUUID)) {
            return conflict(taskUUID);
        }
        RunwareTaskValidator.Result result = RunwareTaskValidator.validate(task);
        if (!result.errors().isEmpty()) {
            return result.errors();
        }
        RunwareJob job = newJob(result.submit(), task, now);
        if (jobs.putIfAbsent(job.submit().taskUUID(), job) != null) {
            return conflict(job.submit().taskUUID()); // lost a race with an identical resend
        }
        stats.jobSubmitted("runware");
        if (!acceptedContent.add(contentDigest(task))) {
            stats.duplicateSubmission("runware"); // a new taskUUID for a task already accepted: a second job
        }
        BigDecimal price = pricePerSecond(job.submit().model());
        stats.jobRequest("runware", job.submit().taskUUID(), "runware.videoInference");
        stats.jobAccepted("runware", job.submit().taskUUID(), job.endAt());
        stats.billable("runware", job.submit().model().air(), job.submit().taskUUID(), price
                .multiply(BigDecimal.valueOf((long) job.submit().durationSeconds() * job.submit().numberResults())));
        scheduleWebhooks(job);
        return Json.object("taskType", RunwareTaskValidator.TASK_TYPE, "taskUUID", job.submit().taskUUID());
    }

    /**
     * {@code getResponse}: the task's items at {@code now}, or an error object. It "checks active
     * operations" only (runware.ai/docs/platform/task-polling, read 2026-12-01), so a task finished
     * longer ago than the configured retention is answered like an unknown one.
     */
    Object poll(Object taskUUID, Instant now) {
        RunwareJob job = taskUUID instanceof String uuid ? jobs.get(uuid) : null;
        if (job != null) {
            stats.jobRequest("runware", job.submit().taskUUID(), "runware.getResponse");
        }
        Duration retention = config.runwareRetention();
        if (job == null || (retention != null && !now.isBefore(job.endAt().plus(retention)))) {
            return notFound("getResponse", taskUUID);
        }
        return job.poll(now);
    }

    /**
     * {@code getTaskDetails}: the original request array and the response envelope of any task,
     * archived or not (runware.ai/docs/platform/task-details, read 2026-12-01: "The response is
     * the full API response envelope, containing either a data array … or an errors array").
     * For a video task the envelope is its latest {@code getResponse} answer [unverified: the docs
     * show no async example]. An unknown task gets {@code taskFailedOrNotFound} [unverified code].
     */
    Object details(Object taskUUID, Instant now) {
        RunwareJob job = taskUUID instanceof String uuid ? jobs.get(uuid) : null;
        if (job == null) {
            return notFound("getTaskDetails", taskUUID);
        }
        stats.jobRequest("runware", job.submit().taskUUID(), "runware.getTaskDetails");
        Object answer = job.poll(now);
        Map<String, Object> envelope = answer instanceof RunwareError error
                ? Map.of("errors", List.of(error.json())) : Map.of("data", answer);
        return Json.object("taskType", "getTaskDetails", "taskUUID", taskUUID,
                "request", List.of(job.request()), "response", envelope);
    }

    private static RunwareError notFound(String taskType, Object taskUUID) {
        return RunwareError.job(Json.object("code", "taskFailedOrNotFound", "status", "error",
                "message", "No task with this taskUUID was found, or it failed before being accepted.",
                "taskType", taskType, "taskUUID", taskUUID));
    }

    private RunwareJob newJob(RunwareSubmit submit, Map<String, Object> task, Instant now) {
        Timings.Timing timing = config.timings().forModel(submit.model().air());
        List<VideoFiles.Video> files = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < submit.numberResults(); i++) {
            files.add(videos.register(ids.uuid().toString(), submit.outputFormat()));
            seeds.add(submit.seed() != null ? submit.seed() + i : ids.generationSeed());
        }
        boolean fails = (submit.positivePrompt() != null && submit.positivePrompt().contains(FAIL_TOKEN))
                || failures.nextDouble() < config.jobFailureRate();
        BigDecimal cost = submit.price() != null ? submit.price()
                : pricePerSecond(submit.model()).multiply(BigDecimal.valueOf(submit.durationSeconds()));
        return new RunwareJob(submit, task, now.plus(timing.queue()), timing.run(), fails, files, seeds, cost);
    }

    private BigDecimal pricePerSecond(RunwareModel model) {
        BigDecimal documented = model.documentedPricePerSecond();
        return documented != null ? documented : config.placeholderPricePerSecond();
    }

    private void scheduleWebhooks(RunwareJob job) {
        String url = job.submit().webhookURL();
        if (url == null) {
            return;
        }
        if (job.fails()) {
            byte[] body = Json.write(Map.of("errors", List.of(job.failure().json())));
            outbox.schedule(job.endAt(), delivery(url, body), WEBHOOK_RETRY);
            return;
        }
        for (int i = 0; i < job.submit().numberResults(); i++) {
            Map<String, Object> item = job.successItem(i);
            Object body = config.runwareWebhookFormat() == RunwareWebhookFormat.FLAT
                    ? item : Map.of("data", List.of(item));
            outbox.schedule(job.resultDoneAt(i), delivery(url, Json.write(body)), WEBHOOK_RETRY);
        }
    }

    private static WebhookOutbox.Delivery delivery(String url, byte[] body) {
        return new WebhookOutbox.Delivery() {
            @Override public String vendor() { return "runware"; }
            @Override public String url() { return url; }
            @Override public WebhookOutbox.Prepared prepare(Instant now) {
                return new WebhookOutbox.Prepared(body, Map.of());
            }
        };
    }

    /** The task minus its taskUUID, hashed: what makes two submits "the same request". */
    private static String contentDigest(Map<String, Object> task) {
        Map<String, Object> content = new java.util.TreeMap<>(task);
        content.remove("taskUUID");
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Json.write(content));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private RunwareError conflict(String taskUUID) {
        stats.refusedResubmission("runware");
        return RunwareError.invalid("conflictTaskUUID", "A task with this taskUUID has already been "
                + "submitted. Poll it with getResponse instead of sending it again.", "taskUUID",
                RunwareTaskValidator.TASK_TYPE, taskUUID);
    }
}
