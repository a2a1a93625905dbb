package dev.videogen4j.jobs;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.OutputFormat;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.Workflow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The part of a request a {@link JobRecord} keeps: enough to show the job and quote it again, never an API key
 * (requests do not carry one) and never image bytes. An image given as a URL, asset id or file path is kept as
 * given; an image given as bytes or a data URI is kept only as a reference naming its digest and size
 * of its data URI ({@code sha256:<hex>;image/png;1234 bytes}).
 *
 * <pre>{@code
 * JobRequest kept = JobRequest.of(request);
 * Quote again = client.quote(kept.toVideoRequest());     // price, duration and size survive; bytes do not
 * }</pre>
 *
 * @param image     the first-frame image as a reference (image-to-video), else {@code null}
 * @param lastImage the last-frame image as a reference, else {@code null}
 */
public record JobRequest(Workflow workflow, String model, String prompt, String negativePrompt,
                         Integer durationSeconds, String aspectRatio, Integer width, Integer height, Double cfgScale,
                         Long seed, Integer numberResults, OutputFormat outputFormat, Integer outputQuality,
                         Boolean generateAudio, String resolution, String webhookUrl, Map<String, Object> providerOptions, String image, String lastImage) {
    public JobRequest {
        Objects.requireNonNull(workflow, "workflow == null");
        Objects.requireNonNull(model, "model == null");
        providerOptions = providerOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(providerOptions));
        if (workflow == Workflow.IMAGE_TO_VIDEO && image == null) {
            throw new IllegalArgumentException("image == null for an image-to-video request");
        }
    }

    /** What a record keeps of {@code request}. */
    public static JobRequest of(VideoRequest request) {
        Objects.requireNonNull(request, "request == null");
        String image = null;
        String lastImage = null;
        if (request instanceof ImageToVideoRequest i2v) {
            image = reference(i2v.image());
            lastImage = i2v.lastImage() == null ? null : reference(i2v.lastImage());
        }
        return new JobRequest(request.workflow(), request.model(), request.prompt(), request.negativePrompt(),
                request.durationSeconds(), request.aspectRatio(), request.width(), request.height(),
                request.cfgScale(), request.seed(), request.numberResults(), request.outputFormat(),
                request.outputQuality(), request.generateAudio(), request.resolution(), request.webhookUrl(), request.providerOptions(), image, lastImage);
    }

    /** The number of videos asked for: {@link #numberResults()} or 1. */
    public int resultCount() {
        return numberResults == null ? 1 : numberResults;
    }

    /**
     * The request again, to show or quote it. Images kept as URL, asset id or file come back as such; an image
     * whose bytes were not kept comes back as {@link ImageInput#asset(String)} naming its reference, which
     * identifies it but cannot be sent again.
     */
    public VideoRequest toVideoRequest() {
        if (workflow == Workflow.TEXT_TO_VIDEO) {
            return new TextToVideoRequest(model, prompt, negativePrompt, durationSeconds, aspectRatio, width, height,
                    cfgScale, seed, numberResults, outputFormat, outputQuality, generateAudio, resolution, webhookUrl,
                    providerOptions);
        }
        return new ImageToVideoRequest(model, prompt, negativePrompt, durationSeconds, aspectRatio, width, height,
                cfgScale, seed, numberResults, outputFormat, outputQuality, generateAudio, resolution, webhookUrl,
                providerOptions, input(image), lastImage == null ? null : input(lastImage));
    }

    /** The form a record keeps of an image: as given for references and files, a digest for bytes. */
    public static String reference(ImageInput image) {
        switch (image.kind()) {
            case URL: case ASSET: return image.value();
            case FILE: return "file:" + image.value();
            default:
                byte[] uri = image.toDataUri().getBytes(StandardCharsets.UTF_8);
                return "sha256:" + sha256(uri) + ";" + image.contentType() + ";" + uri.length + " bytes";
        }
    }

    private static ImageInput input(String reference) {
        if (reference.startsWith("file:")) return ImageInput.file(java.nio.file.Path.of(reference.substring(5)));
        if (reference.startsWith("http://") || reference.startsWith("https://")) return ImageInput.url(reference);
        return ImageInput.asset(reference);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
