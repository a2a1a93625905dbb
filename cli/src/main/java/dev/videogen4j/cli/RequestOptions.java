package dev.videogen4j.cli;

import dev.videogen4j.CapabilityMatrix;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import dev.videogen4j.spi.ModelCapabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The request options shared by {@code quote}, {@code generate} and {@code compare}. With {@code --image} the
 * request is image-to-video, otherwise text-to-video.
 *
 * <pre>{@code
 * videogen4j quote --model kling-2.5-turbo-standard --prompt "A lighthouse at dusk" --image first.png --duration 10
 * }</pre>
 */
public final class RequestOptions {
    static final String DEFAULT_I2V = "kling-2.5-turbo-standard";
    static final String DEFAULT_T2V = "kling-2.5-turbo-pro";

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "A family id (kling-2.5-turbo-standard) or a native id (klingai:6@0). Default: "
                    + DEFAULT_I2V + " with --image, " + DEFAULT_T2V + " without.")
    String model;

    @Option(names = {"-p", "--prompt"}, required = true, paramLabel = "TEXT", description = "What the video shows.")
    String prompt;

    @Option(names = {"-i", "--image"}, paramLabel = "URL|FILE", description = "The first frame: an http(s) URL or a local image file.")
    String image;

    @Option(names = "--last-image", paramLabel = "URL|FILE", description = "The last frame, on models that take one.")
    String lastImage;

    @Option(names = {"-d", "--duration"}, paramLabel = "SECONDS", description = "Video length in seconds (5 or 10 on Kling).")
    Integer duration;

    @Option(names = "--cfg-scale", paramLabel = "X", description = "How closely to follow the prompt (Kling: 0 to 1).")
    Double cfgScale;

    @Option(names = "--negative-prompt", paramLabel = "TEXT", description = "What the video should not show.")
    String negativePrompt;

    @Option(names = "--aspect-ratio", paramLabel = "W:H", description = "e.g. 16:9, 9:16, 1:1 (text-to-video).")
    String aspectRatio;

    @Option(names = "--audio", paramLabel = "on|off", description = "Generate a soundtrack (models with audio). Default: the model's.")
    String audio;

    @Option(names = "--resolution", paramLabel = "RES", description = "A resolution class, e.g. 720p, 1080p, 4k.")
    String resolution;

    VideoRequest toRequest() {
        Boolean sound = audio == null ? null : switch (audio) {
            case "on", "true" -> Boolean.TRUE;
            case "off", "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("--audio is '" + audio + "'; use on or off");
        };
        if (image == null && lastImage != null) {
            throw new IllegalArgumentException("--last-image needs --image (the first frame) too");
        }
        if (image == null) {
            return TextToVideoRequest.builder().model(model != null ? model : DEFAULT_T2V).prompt(prompt)
                    .durationSeconds(duration).cfgScale(cfgScale).negativePrompt(negativePrompt).aspectRatio(aspectRatio)
                    .generateAudio(sound).resolution(resolution).build();
        }
        ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().model(model != null ? model : DEFAULT_I2V)
                .prompt(prompt).image(image(image)).durationSeconds(duration).cfgScale(cfgScale)
                .negativePrompt(negativePrompt).aspectRatio(aspectRatio).generateAudio(sound).resolution(resolution);
        if (lastImage != null) b.lastImage(image(lastImage));
        return b.build();
    }

    /**
     * Refuses, before anything else, a request without {@code --image} for a model that only animates images: the
     * matrix would reject it as "does i2v, not t2v", which does not say what to add.
     */
    void requireImageWhereNeeded(CapabilityMatrix matrix) {
        if (image != null) return;
        String name = model != null ? model : DEFAULT_T2V;
        List<ModelCapabilities> named = matrix.models().stream().filter(m -> m.answersTo(name)).collect(Collectors.toList());
        if (!named.isEmpty() && named.stream().noneMatch(m -> m.supports(Workflow.TEXT_TO_VIDEO))) {
            throw new IllegalArgumentException("model " + name + " turns an image into a video: this model needs --image "
                    + "(an http(s) URL or a local file)");
        }
    }

    private static ImageInput image(String value) {
        if (value.startsWith("http://") || value.startsWith("https://")) return ImageInput.url(value);
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("image '" + value + "' is neither an http(s) URL nor a readable file");
        }
        return ImageInput.file(file);
    }
}
