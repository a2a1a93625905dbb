package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import dev.videogen4j.emulator.internal.VideoFiles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One accepted {@code videoInference} task. Immutable: its state at any instant follows from the
 * timestamps fixed at submit, so polls never need a background thread. With several results,
 * result {@code i} of {@code n} finishes after {@code (i+1)/n} of the run time.
 */
final class RunwareJob {
    static final String FAILURE_MESSAGE = "The external provider did not respond within the timeout "
            + "window. The request was automatically terminated.";

    private final RunwareSubmit submit;
    private final Map<String, Object> request;
    private final Instant startAt;
    private final Duration run;
    private final boolean fails;
    private final List<VideoFiles.Video> videos;
    private final List<Long> seeds;
    private final BigDecimal costPerResult;

    RunwareJob(RunwareSubmit submit, Map<String, Object> request, Instant startAt, Duration run,
            boolean fails, List<VideoFiles.Video> videos, List<Long> seeds, BigDecimal costPerResult) {
        this.submit = submit;
        this.request = Map.copyOf(request);
        this.startAt = startAt;
        this.run = run;
        this.fails = fails;
        this.videos = List.copyOf(videos);
        this.seeds = List.copyOf(seeds);
        this.costPerResult = costPerResult;
    }

    RunwareSubmit submit() {
        return submit;
    }

    /** The task exactly as it was sent, for {@code getTaskDetails}. */
    Map<String, Object> request() {
        return request;
    }

    boolean fails() {
        return fails;
    }

    Instant endAt() {
        return startAt.plus(run);
    }

    Instant resultDoneAt(int index) {
        return startAt.plus(run.multipliedBy(index + 1).dividedBy(submit.numberResults()));
    }

    /** What {@code getResponse} answers at {@code now}: data items, or the failure as an error. */
    Object poll(Instant now) {
        if (fails) {
            return now.isBefore(endAt()) ? List.of(processingItem(now)) : failure();
        }
        List<Object> items = new java.util.ArrayList<>();
        for (int i = 0; i < submit.numberResults() && !now.isBefore(resultDoneAt(i)); i++) {
            items.add(successItem(i));
        }
        if (items.size() < submit.numberResults()) {
            items.add(processingItem(now));
        }
        return items;
    }

    Map<String, Object> successItem(int index) {
        return Json.object("taskType", RunwareTaskValidator.TASK_TYPE, "taskUUID", submit.taskUUID(),
                "status", "success", "videoUUID", videos.get(index).id(),
                "videoURL", videos.get(index).url(), "seed", seeds.get(index),
                "cost", submit.includeCost() ? Json.plain(costPerResult) : null);
    }

    /** The failure in the documented {@code errors[]} form (runware-api.md §2). */
    RunwareError failure() {
        return RunwareError.job(Json.object("code", "timeoutProvider", "status", "error",
                "message", FAILURE_MESSAGE, "documentation", RunwareError.DOCS,
                "taskType", RunwareTaskValidator.TASK_TYPE, "taskUUID", submit.taskUUID()));
    }

    private Map<String, Object> processingItem(Instant now) {
        Integer progress = null;
        if (!now.isBefore(startAt) && !run.isZero()) {
            long percent = Duration.between(startAt, now).toMillis() * 100 / Math.max(1, run.toMillis());
            progress = (int) Math.min(99, percent);
        }
        return Json.object("taskType", RunwareTaskValidator.TASK_TYPE, "taskUUID", submit.taskUUID(),
                "status", "processing", "progress", progress);
    }
}
