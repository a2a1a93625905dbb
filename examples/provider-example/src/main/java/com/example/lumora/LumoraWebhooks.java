package com.example.lumora;

import com.squareup.moshi.JsonDataException;
import dev.videogen4j.Cost;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Lumora's webhook: when a clip whose submit named a {@code webhook_url} ends, Lumora POSTs the clip, as
 * {@code GET /clips/{id}} shows it, to that URL. Hand the event to {@code VideoClient.onWebhook}.
 *
 * <pre>{@code
 * @PostMapping("/hooks/lumora")
 * void lumora(@RequestBody byte[] body) {
 *     client.onWebhook(LumoraWebhooks.parse(body));
 * }
 * }</pre>
 */
public final class LumoraWebhooks {
    private LumoraWebhooks() {
    }

    /**
     * The event in one delivery.
     *
     * @throws dev.videogen4j.error.UnparseableResponseException when the body is not a Lumora clip
     */
    public static WebhookEvent parse(byte[] body) {
        try {
            Map<String, Object> clip = LumoraReplies.read(new String(body, StandardCharsets.UTF_8));
            JobUpdate u = LumoraReplies.update(clip);
            return new WebhookEvent(LumoraProviderFactory.ID, LumoraReplies.text(clip, "id"), u.status(),
                    u.output() == null ? null : u.output().videos(),
                    u.output() == null || u.output().reportedCost() == null ? null : Cost.reported(u.output().reportedCost()));
        } catch (IOException | JsonDataException e) {
            throw ProviderErrors.unparseable(LumoraProviderFactory.ID, Operation.POLL, 200, null, e);
        }
    }
}
