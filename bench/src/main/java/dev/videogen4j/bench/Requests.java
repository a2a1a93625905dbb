package dev.videogen4j.bench;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;

/**
 * The one request every benchmark sends: Kling 2.5 Turbo Standard image-to-video, 5 s, the same on Runware
 * (klingai:6@0) and fal. The prompt is numbered per job, so no two fal submits are byte-identical (the emulator
 * would count them as duplicates).
 *
 * <pre>{@code
 * client.submitAsync(Requests.imageToVideo("runware", 17));
 * }</pre>
 */
final class Requests {
    static final String MODEL = "kling-2.5-turbo-standard";
    static final String PROMPT = "A slow cinematic glide through an ancient clocktower chamber";
    static final String NEGATIVE = "blur, flicker";
    static final String RUNWARE_IMAGE = "https://assets.runware.ai/assets/inputs/b55e51f6-3230-485d-98cf-366322165339.jpg";
    static final String FAL_IMAGE = "https://storage.googleapis.com/falserverless/example_inputs/kling_v25_std_i2v_input.png";
    static final String FAL_ENDPOINT = "fal-ai/kling-video/v2.5-turbo/standard/image-to-video";
    static final String RUNWARE_MODEL = "klingai:6@0";

    private Requests() {
    }

    static ImageToVideoRequest imageToVideo(String provider, long n) {
        return imageToVideo(provider, n, null);
    }

    static ImageToVideoRequest imageToVideo(String provider, long n, String webhookUrl) {
        return ImageToVideoRequest.builder().model(MODEL).prompt(prompt(n)).negativePrompt(NEGATIVE)
                .image(ImageInput.url(provider.equals("fal") ? FAL_IMAGE : RUNWARE_IMAGE))
                .durationSeconds(5).cfgScale(0.6).webhookUrl(webhookUrl).build();
    }

    static String prompt(long n) {
        return PROMPT + ", take " + n;
    }
}
