package com.example.lumora;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.testkit.ReceivedWebhook;
import dev.videogen4j.testkit.ScenarioSettings;
import dev.videogen4j.testkit.VendorScenario;
import dev.videogen4j.testkit.VideoProviderContractTest;

/**
 * The Lumora plugin passes videogen4j's provider contract against its own test server. Lumora does both
 * workflows, cancels, de-duplicates submits (Idempotency-Key), reports costs and sends webhooks; it cannot poll in batches, so
 * that one test is switched off by its hook.
 */
class LumoraContractTest extends VideoProviderContractTest {
    @Override
    protected String providerId() {
        return "lumora";
    }

    @Override
    protected VendorScenario startVendor(ScenarioSettings settings) {
        return new LumoraTestServer(settings);
    }

    @Override
    protected ImageToVideoRequest imageToVideo() {
        return ImageToVideoRequest.builder().model("lumora-motion-1").prompt("A paper boat drifts across a pond")
                .image(ImageInput.url("https://example.com/inputs/boat.jpg")).durationSeconds(4).build();
    }

    @Override
    protected TextToVideoRequest textToVideo() {
        return TextToVideoRequest.builder().model("lumora-motion-1").prompt("Fireflies over a meadow at dusk")
                .durationSeconds(8).aspectRatio("16:9").build();
    }

    @Override
    protected boolean deduplicatesSubmits() {
        return true;
    }

    @Override
    protected boolean reportsCost() {
        return true;
    }

    @Override
    protected boolean supportsWebhooks() {
        return true;
    }

    @Override
    protected WebhookEvent parseWebhook(ReceivedWebhook webhook) {
        return LumoraWebhooks.parse(webhook.body());
    }
}
