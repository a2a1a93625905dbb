package dev.videogen4j.fal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testkit.VideoProviderContractTest;

/** The fal adapter against the fal emulator, through the whole client. */
class FalContractTest extends VideoProviderContractTest {
    @Override
    protected String providerId() {
        return "fal";
    }

    @Override
    protected String baseUrl(ProviderEmulator emulator) {
        return emulator.falQueueBaseUrl();
    }

    @Override
    protected String apiKey(ProviderEmulator emulator) {
        return emulator.falApiKey();
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
    protected String submitKind() {
        return "fal.submit";
    }

    @Override
    protected String pollKind() {
        return "fal.status";
    }
}
