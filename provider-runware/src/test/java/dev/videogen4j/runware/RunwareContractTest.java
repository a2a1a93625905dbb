package dev.videogen4j.runware;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.emulator.ProviderEmulator;
import dev.videogen4j.testkit.VideoProviderContractTest;

/** The Runware adapter against the Runware emulator, through the whole client. */
class RunwareContractTest extends VideoProviderContractTest {
    @Override
    protected String providerId() {
        return "runware";
    }

    @Override
    protected String baseUrl(ProviderEmulator emulator) {
        return emulator.runwareBaseUrl();
    }

    @Override
    protected String apiKey(ProviderEmulator emulator) {
        return emulator.runwareApiKey();
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
    protected String submitKind() {
        return "runware.videoInference";
    }

    @Override
    protected String pollKind() {
        return "runware.getResponse";
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
}
