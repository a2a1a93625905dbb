package dev.videogen4j.testing;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;

/** Requests that fit the test catalog, to start from in tests ({@code Requests.t2v().toBuilder()...}). */
public final class Requests {
    /** The family both acme and zeta serve. */
    public static final String FAMILY = "kling-2.5-turbo";

    private Requests() {
    }

    public static TextToVideoRequest t2v() {
        return TextToVideoRequest.builder().model(FAMILY).prompt("A red fox runs through fresh snow").build();
    }

    public static ImageToVideoRequest i2v() {
        return ImageToVideoRequest.builder().model(FAMILY).prompt("The fox turns its head")
                .image(ImageInput.url("https://images.example/fox.jpg")).build();
    }
}
