package dev.videogen4j.runware.internal;

import dev.videogen4j.GeneratedVideo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adapter remembers per job between polls: how many videos were asked for, and the videos seen so far
 * (de-duplicated by videoUUID). Bounded, least recently used first out, so a long-lived client never grows
 * without limit. Losing an entry (eviction, a restart) is safe: polling then falls back to "every item is a
 * success and none is still processing".
 *
 * <pre>{@code
 * memory.expect(taskUUID, 2);
 * RunwareJobMemory.Snapshot s = memory.collect(taskUUID, videosFromThisPoll);
 * }</pre>
 */
public final class RunwareJobMemory {
    /** One video and its cost as reported, or {@code null}. */
    public record Video(GeneratedVideo video, BigDecimal cost) {
    }

    /** A job's expected count ({@code null} if unknown) and every distinct video seen so far. */
    public record Snapshot(Integer expected, List<Video> videos) {
    }

    private static final class Job {
        Integer expected;
        final Map<String, Video> videos = new LinkedHashMap<>();
    }

    private final Map<String, Job> jobs;

    public RunwareJobMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity < 1: " + capacity);
        }
        this.jobs = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers how many videos a submitted job will produce. */
    public synchronized void expect(String taskUUID, int count) {
        jobs.computeIfAbsent(taskUUID, k -> new Job()).expected = count;
    }

    /** Adds the videos one poll found to what earlier polls found, and returns the job's state. */
    public synchronized Snapshot collect(String taskUUID, List<Video> found) {
        Job job = jobs.get(taskUUID);
        if (job == null) {
            if (found.isEmpty()) {
                return new Snapshot(null, List.of());
            }
            job = new Job();
            jobs.put(taskUUID, job);
        }
        for (Video v : found) {
            job.videos.putIfAbsent(key(v.video()), v);
        }
        return new Snapshot(job.expected, new ArrayList<>(job.videos.values()));
    }

    synchronized int size() {
        return jobs.size();
    }

    // A video without a videoUUID is told apart by its URL, which is unique per video too.
    private static String key(GeneratedVideo v) {
        return v.id() != null ? "id:" + v.id() : "url:" + v.url();
    }
}
