package dev.videogen4j;

import java.util.Objects;

/**
 * One generated video: where to download it and what is known about it.
 *
 * <pre>{@code
 * for (GeneratedVideo video : result.videos()) {
 *     System.out.println(video.url() + " seed=" + video.seed());
 * }
 * }</pre>
 *
 * @param url         where the video can be downloaded (providers expire these; copy what you keep)
 * @param id          the provider's id for the video (Runware's videoUUID), or {@code null}
 * @param contentType the MIME type when known, else {@code null}
 * @param sizeBytes   the file size when known, else {@code null}
 * @param seed        the seed the provider used, when it reports one, else {@code null}
 */
public record GeneratedVideo(String url, String id, String contentType, Long sizeBytes, Long seed) {
    public GeneratedVideo {
        Objects.requireNonNull(url, "url == null");
    }

    /** A video known only by its URL. */
    public static GeneratedVideo of(String url) {
        return new GeneratedVideo(url, null, null, null, null);
    }
}
