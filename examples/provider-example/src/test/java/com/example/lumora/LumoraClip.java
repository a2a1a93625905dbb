package com.example.lumora;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One clip at the Lumora test server. Its state follows from the clock: waiting for the queue time after it was
 * accepted, rendering for the run time, then done (or failed, when the scenario said so); cancelled if cancelled
 * before it finished. Lumora bills a clip once it starts rendering.
 */
final class LumoraClip {
    final String id;
    final Instant accepted;
    final boolean fails;
    final int seconds;
    private final Duration queue;
    private final Duration run;
    final String webhookUrl;
    private Instant cancelledAt;
    private boolean webhookSent;

    LumoraClip(String id, Instant accepted, Duration queue, Duration run, boolean fails, int seconds,
               String webhookUrl) {
        this.webhookUrl = webhookUrl;
        this.id = id;
        this.accepted = accepted;
        this.queue = queue;
        this.run = run;
        this.fails = fails;
        this.seconds = seconds;
    }

    private Instant starts() {
        return accepted.plus(queue);
    }

    private Instant ends() {
        return starts().plus(run);
    }

    synchronized String state(Instant now) {
        if (cancelledAt != null) return "cancelled";
        if (now.isBefore(starts())) return "waiting";
        if (now.isBefore(ends())) return "rendering";
        return fails ? "failed" : "done";
    }

    /** Cancels a clip that has not finished; false when it already had. */
    synchronized boolean cancel(Instant now) {
        if (cancelledAt == null && !now.isBefore(ends())) return false;
        if (cancelledAt == null) cancelledAt = now;
        return true;
    }

    /** Whether the clip's webhook is due now, marking it sent: once, when a clip with a webhook URL has ended. */
    synchronized boolean takeWebhook(Instant now) {
        if (webhookUrl == null || webhookSent || cancelledAt != null || now.isBefore(ends())) return false;
        webhookSent = true;
        return true;
    }

    synchronized boolean billed(Instant now) {
        return !now.isBefore(starts()) && (cancelledAt == null || !cancelledAt.isBefore(starts()));
    }

    BigDecimal cost() {
        return new BigDecimal("0.05").multiply(BigDecimal.valueOf(seconds));
    }

    /** The clip as Lumora's JSON shows it. */
    Map<String, Object> json(Instant now, String filesUrl) {
        String state = state(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", state);
        switch (state) {
            case "waiting" -> m.put("queue_position", 0);
            case "rendering" -> m.put("progress",
                    (int) (100 * Duration.between(starts(), now).toMillis() / Math.max(1, run.toMillis())));
            case "done" -> {
                m.put("video_url", filesUrl + id + ".mp4");
                m.put("cost_usd", cost().doubleValue());
            }
            case "failed" -> m.put("failure", Map.of("code", "render_error",
                    "message", "The renderer gave up on this clip"));
            default -> { }
        }
        return m;
    }
}
