package dev.videogen4j.runware.internal;

import dev.videogen4j.GeneratedVideo;
import dev.videogen4j.JobStatus;
import dev.videogen4j.http.internal.VendorValues;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ProviderOutput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one job's items and errors from a {@code getResponse} answer (or a webhook) into a {@link JobUpdate}.
 * A job is SUCCEEDED when as many distinct videos as were asked for are in; when that count is unknown (the
 * adapter restarted), when every item is a success and none is still processing. An error wins over partial
 * successes. A status word this adapter does not know becomes {@link JobStatus#unknown(String)}.
 *
 * <pre>{@code
 * JobUpdate u = RunwareStatusMapper.update(items, errors, memory.collect(taskUUID, RunwareStatusMapper.videos(items)));
 * }</pre>
 */
public final class RunwareStatusMapper {
    // "pending" is not in the documented status set (processing/success/error) but an older docs page used it.
    private static final Set<String> KNOWN = Set.of("processing", "success", "error", "pending");

    private RunwareStatusMapper() {
    }

    /**
     * The finished videos among {@code items}.
     *
     * A repeated item (same video id, or same URL) counts once; a cost that is negative or absurd is unknown.
     *
     * @throws IllegalArgumentException when a finished item has no {@code videoURL} (a required field) or one
     *                                  that is not an absolute http(s) URL
     */
    public static List<RunwareJobMemory.Video> videos(List<RunwareTaskResult> items) {
        java.util.Map<String, RunwareJobMemory.Video> out = new java.util.LinkedHashMap<>();
        for (RunwareTaskResult i : items) {
            if (!i.isSuccess()) continue;
            if (i.videoURL == null || i.videoURL.isBlank()) {
                throw new IllegalArgumentException("finished item of task " + i.taskUUID + " has no videoURL");
            }
            String url = VendorValues.httpUrl(i.videoURL);
            if (url == null) {
                throw new IllegalArgumentException("finished item of task " + i.taskUUID
                        + " has a videoURL that is not an absolute http(s) URL: " + RunwareJson.snippet(i.videoURL));
            }
            GeneratedVideo v = new GeneratedVideo(url, i.videoUUID, contentType(url), null, seed(i.seed));
            out.putIfAbsent(i.videoUUID != null ? "id:" + i.videoUUID : "url:" + url,
                    new RunwareJobMemory.Video(v, VendorValues.cost(i.cost)));
        }
        return new ArrayList<>(out.values());
    }

    /** A job's failure by its Runware code; a code that says nothing more is the provider's doing. */
    static ErrorKind kindOfFailure(String code) {
        ErrorKind k = RunwareErrorMapper.kindOf(code);
        return k == null ? ErrorKind.OTHER : k;
    }

    /** The job's update from this answer's items and errors and everything collected so far. */
    public static JobUpdate update(List<RunwareTaskResult> items, List<RunwareError> errors, RunwareJobMemory.Snapshot seen) {
        // Loops, not streams: this runs on every poll answer of every job.
        List<RunwareError> failures = new ArrayList<>(errors);
        for (RunwareTaskResult i : items) {
            if (i.isError()) failures.add(i.asError());
        }
        if (!failures.isEmpty()) {
            RunwareError f = failures.get(0);
            String reason = f.message != null ? f.message : f.code != null ? f.code : "Runware reported an error";
            return JobUpdate.of(JobStatus.failed(kindOfFailure(f.code), f.code, reason).withRaw("error"));
        }
        List<RunwareJobMemory.Video> collected = seen.videos();
        boolean processing = false;
        boolean waiting = false;
        String unknown = null;
        for (RunwareTaskResult i : items) {
            String status = i.statusLowerCase();
            processing |= "processing".equals(status);
            waiting |= "pending".equals(status) || (status == null && !i.isSuccess());
            if (unknown == null && status != null && !KNOWN.contains(status)) unknown = i.status;
        }
        boolean complete = seen.expected() != null ? collected.size() >= seen.expected()
                : !processing && !waiting && unknown == null;
        if (!collected.isEmpty() && complete) {
            return new JobUpdate(JobStatus.succeeded().withRaw("success"), output(collected));
        }
        if (unknown != null) {
            return JobUpdate.of(JobStatus.unknown(unknown));
        }
        if (processing || !collected.isEmpty()) {
            return JobUpdate.of(JobStatus.running(progress(items, collected.size(), seen.expected())).withRaw("processing"));
        }
        if (waiting) {
            return JobUpdate.of(JobStatus.queued(null).withRaw("pending"));
        }
        return JobUpdate.of(JobStatus.unknown("(no item for this task)"));
    }

    /** The videos and their summed cost; the cost is {@code null} unless every video reported one. */
    public static ProviderOutput output(List<RunwareJobMemory.Video> videos) {
        List<GeneratedVideo> out = new ArrayList<>(videos.size());
        BigDecimal cost = videos.isEmpty() ? null : BigDecimal.ZERO;
        for (RunwareJobMemory.Video v : videos) {
            out.add(v.video());
            cost = cost == null || v.cost() == null ? null : cost.add(v.cost());
        }
        return new ProviderOutput(out, cost);
    }

    // With several videos asked for, the finished ones count as 100% each, so progress never runs backwards
    // when one completes.
    private static Integer progress(List<RunwareTaskResult> items, int done, Integer expected) {
        List<Integer> reported = items.stream().filter(i -> "processing".equals(i.statusLowerCase()))
                .map(i -> VendorValues.percent(i.progress)).filter(java.util.Objects::nonNull).collect(Collectors.toList());
        if (reported.isEmpty()) return null;
        double sum = reported.stream().mapToDouble(Integer::doubleValue).sum();
        double pct = expected != null && expected > 1 ? (done * 100.0 + sum) / expected : sum / reported.size();
        return (int) Math.round(Math.max(0, Math.min(100, pct)));
    }

    private static Long seed(BigDecimal seed) {
        try {
            return seed == null ? null : seed.longValueExact();
        } catch (ArithmeticException tooLargeOrFractional) {
            return null;
        }
    }

    // Runs once per video on every poll: no regex (it compiled a pattern each time, ~1.3 KB a call).
    static String contentType(String url) {
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        if (endsWith(url, end, ".mp4")) return "video/mp4";
        if (endsWith(url, end, ".webm")) return "video/webm";
        if (endsWith(url, end, ".mov")) return "video/quicktime";
        return null;
    }

    private static boolean endsWith(String s, int end, String suffix) {
        return end >= suffix.length() && s.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
    }
}
