package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.testkit.EmulatorScenario;
import dev.videogen4j.testkit.ReceivedWebhook;
import dev.videogen4j.testkit.ScenarioSettings;
import dev.videogen4j.testkit.VendorScenario;
import dev.videogen4j.testkit.VideoProviderContractTest;
import java.util.List;

/** The Runware adapter passes the provider contract, with the emulator playing Runware. */
class RunwareContractTest extends VideoProviderContractTest {
    @Override
    protected String providerId() {
        return "runware";
    }

    @Override
    protected VendorScenario startVendor(ScenarioSettings settings) {
        return EmulatorScenario.runware(settings);
    }

    @Override
    protected TextToVideoRequest textToVideo() {
        return TextToVideoRequest.builder().model("kling-2.5-turbo-pro")
                .prompt("Cinematic aerial drone shot following a motorcycle through mountain roads")
                .durationSeconds(5).size(1280, 720).build();
    }

    @Override
    protected ImageToVideoRequest imageToVideo() {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A slow cinematic glide through an ancient clocktower chamber")
                .image(ImageInput.url("https://assets.runware.ai/assets/inputs/b55e51f6-3230-485d-98cf-366322165339.jpg"))
                .durationSeconds(5).cfgScale(0.6).negativePrompt("blur, flicker").build();
    }

    @Override
    protected boolean supportsCancel() {
        return false;
    }

    @Override
    protected boolean reportsQueuedState() {
        return false;
    }

    @Override
    protected boolean deduplicatesSubmits() {
        return true;   // the taskUUID is made here and reused on every attempt
    }

    @Override
    protected boolean reportsCost() {
        return true;   // each result carries its cost
    }

    @Override
    protected boolean supportsBatchPolling() {
        return true;   // several getResponse tasks in one array
    }

    @Override
    protected boolean supportsBatchSubmits() {
        return true;
    }

    @Override
    protected boolean supportsWebhooks() {
        return true;
    }

    @Override
    protected WebhookEvent parseWebhook(ReceivedWebhook webhook) {
        List<WebhookEvent> events = RunwareWebhooks.parse(webhook.text());
        assertEquals(1, events.size(), "one task, one event: " + events);
        return events.get(0);
    }
}
