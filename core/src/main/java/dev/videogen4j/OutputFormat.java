package dev.videogen4j;

/**
 * The container of the generated video. Providers that cannot choose always produce {@link #MP4}.
 *
 * <pre>{@code
 * TextToVideoRequest.builder().model("kling-2.5-turbo-pro").prompt("...").outputFormat(OutputFormat.WEBM).build();
 * }</pre>
 */
public enum OutputFormat {
    MP4("video/mp4"),
    WEBM("video/webm"),
    MOV("video/quicktime");

    private final String contentType;

    OutputFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The MIME type of files in this format. */
    public String contentType() {
        return contentType;
    }
}
