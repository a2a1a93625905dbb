package dev.videogen4j.runware;

import dev.videogen4j.Cost;
import dev.videogen4j.JobState;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.error.UnparseableResponseException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.runware.internal.RunwareError;
import dev.videogen4j.runware.internal.RunwareJobMemory;
import dev.videogen4j.runware.internal.RunwareJson;
import dev.videogen4j.runware.internal.RunwareResponse;
import dev.videogen4j.runware.internal.RunwareStatusMapper;
import dev.videogen4j.runware.internal.RunwareTaskResult;
import dev.videogen4j.spi.JobUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the bodies Runware POSTs to a task's {@code webhookURL}: the flat task object (what Runware's own
 * integration guide describes) or the {@code {"data":[...]}} envelope (what the legacy SDK documents), and error
 * bodies ({@code {"errors":[...]}}). One event per taskUUID in the body.
 *
 * <p>Runware does not sign webhooks. Authenticate them yourself with a secret in the URL you give the request,
 * as Runware's webhook docs recommend, over HTTPS, and compare it in constant time:
 *
 * <pre>{@code
 * String hookUrl = "https://app.example.com/hooks/runware?token=" + secret;   // request.webhookUrl(hookUrl)
 *
 * @PostMapping("/hooks/runware")
 * ResponseEntity<Void> hook(@RequestParam String token, @RequestBody String body) {
 *     if (!RunwareWebhooks.tokenMatches(secret, token)) return ResponseEntity.status(403).build();
 *     RunwareWebhooks.parse(body).forEach(client::onWebhook);
 *     return ResponseEntity.ok().build();   // answer 2xx quickly, or Runware delivers again
 * }
 * }</pre>
 *
 * <p>With {@code numberResults} above 1 Runware calls once per finished video, so each event carries the
 * video(s) of its own call and reports SUCCEEDED for them; count videos per job to know when all are in.
 * Deliveries may repeat: de-duplicate by job id and video id.
 */
public final class RunwareWebhooks {
    private RunwareWebhooks() {
    }

    /**
     * The events in one webhook body, in the order their tasks first appear. Items without a taskUUID cannot be
     * routed to a job and are skipped.
     *
     * @throws UnparseableResponseException when the body is not a Runware task object or envelope, or a finished
     *                                      item has no usable video URL (answer the delivery with a 400)
     */
    public static List<WebhookEvent> parse(byte[] body) {
        Objects.requireNonNull(body, "body == null");
        return parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #parse(byte[])} for a body already decoded as text (as {@code FalWebhooks.parse(String)}). */
    public static List<WebhookEvent> parse(String body) {
        Objects.requireNonNull(body, "body == null");
        try {
            return events(body);
        } catch (IllegalArgumentException unusable) {
            throw ProviderErrors.unparseable(RunwareProviderFactory.ID, Operation.POLL, 200, null, unusable);
        }
    }

    private static List<WebhookEvent> events(String body) {
        List<RunwareTaskResult> items;
        List<RunwareError> errors;
        try {
            RunwareResponse r = RunwareJson.readResponse(body);
            items = r.isBare() ? List.of(RunwareJson.readItem(body)) : r.items();
            errors = r.isBare() ? List.of() : r.allErrors();
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a Runware webhook body (expected a task object or {\"data\":[...]}): "
                    + e.getMessage(), e);
        }
        Map<String, List<RunwareTaskResult>> itemsByTask = new LinkedHashMap<>();
        Map<String, List<RunwareError>> errorsByTask = new LinkedHashMap<>();
        items.stream().filter(i -> i.taskUUID != null)
                .forEach(i -> itemsByTask.computeIfAbsent(i.taskUUID, k -> new ArrayList<>()).add(i));
        errors.stream().filter(e -> e.taskUUID != null)
                .forEach(e -> errorsByTask.computeIfAbsent(e.taskUUID, k -> new ArrayList<>()).add(e));
        List<String> tasks = new ArrayList<>(itemsByTask.keySet());
        errorsByTask.keySet().stream().filter(t -> !tasks.contains(t)).forEach(tasks::add);
        List<WebhookEvent> events = new ArrayList<>();
        for (String task : tasks) {
            List<RunwareTaskResult> its = itemsByTask.getOrDefault(task, List.of());
            List<RunwareJobMemory.Video> videos = RunwareStatusMapper.videos(its);
            JobUpdate u = RunwareStatusMapper.update(its, errorsByTask.getOrDefault(task, List.of()),
                    new RunwareJobMemory.Snapshot(null, videos));
            boolean delivered = u.status().state() == JobState.SUCCEEDED;
            events.add(new WebhookEvent(RunwareProviderFactory.ID, task, u.status(),
                    delivered ? u.output().videos() : List.of(),
                    delivered && u.output().reportedCost() != null ? Cost.reported(u.output().reportedCost()) : Cost.unknown()));
        }
        return events;
    }

    /**
     * Compares a webhook's token with the expected secret in constant time; false when either is null, and when the
     * expected secret is empty (an unset secret must not make every empty token pass).
     */
    public static boolean tokenMatches(String expected, String received) {
        if (expected == null || received == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }
}
