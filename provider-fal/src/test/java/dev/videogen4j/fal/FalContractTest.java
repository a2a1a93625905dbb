package dev.videogen4j.fal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.WebhookEvent;
import dev.videogen4j.testkit.EmulatorScenario;
import dev.videogen4j.testkit.ReceivedWebhook;
import dev.videogen4j.testkit.ScenarioSettings;
import dev.videogen4j.testkit.VendorScenario;
import dev.videogen4j.testkit.VideoProviderContractTest;

/** The fal adapter passes the provider contract, with the emulator playing fal's queue API. */
class FalContractTest extends VideoProviderContractTest {
    @Override
    protected String providerId() {
        return "fal";
    }

    @Override
    protected VendorScenario startVendor(ScenarioSettings settings) {
        return EmulatorScenario.fal(settings);
    }

    @Override
    protected TextToVideoRequest textToVideo() {
        return TextToVideoRequest.builder().model("kling-2.5-turbo-pro")
                .prompt("Cinematic aerial drone shot following a motorcycle through mountain roads")
                .durationSeconds(5).aspectRatio("16:9").build();
    }

    @Override
    protected ImageToVideoRequest imageToVideo() {
        return ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                .prompt("A playful cat chases a dancing red dot across the floor")
                .image(ImageInput.url("https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png"))
                .durationSeconds(5).cfgScale(0.5).negativePrompt("blur, distort, and low quality").build();
    }


    @Override
    protected boolean supportsWebhooks() {
        return true;
    }

    /** Verified as an application would: the signature against the emulator's published keys, on the test's clock. */
    @Override
    protected WebhookEvent parseWebhook(ReceivedWebhook webhook) {
        FalWebhooks verifier = FalWebhooks.builder().jwksUrl(((EmulatorScenario) vendor).emulator().jwksUrl())
                .clock(clock).build();
        return verifier.verifyAndParse(webhook.body(), webhook.headers());
    }
}
