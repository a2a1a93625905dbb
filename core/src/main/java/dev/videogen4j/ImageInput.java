package dev.videogen4j;

import dev.videogen4j.spi.ImageHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An image given to an image-to-video request: a public URL, raw bytes with their content type, a local file,
 * a data URI, or an asset id the provider already holds (e.g. a Runware image UUID).
 *
 * <pre>{@code
 * ImageInput a = ImageInput.url("https://example.com/first.jpg");
 * ImageInput b = ImageInput.file(Path.of("frame.png"));
 * ImageInput c = ImageInput.bytes(pngBytes, "image/png");
 * ImageInput d = ImageInput.asset("c64351d5-4c59-42f7-95e1-eace013eddab");
 * String wire = b.toDataUri();                   // "data:image/png;base64,..."
 * }</pre>
 *
 * <p>{@code toString()} never prints image bytes: a large data URI in a log line helps nobody.
 */
public final class ImageInput {
    /** How the image was given; adapters send each kind in the form their provider accepts. */
    public enum Kind { URL, BYTES, FILE, DATA_URI, ASSET }

    private final Kind kind;
    private final String value;          // URL, data URI, asset id, or file path
    private final byte[] bytes;          // only for BYTES
    private final String contentType;    // BYTES and FILE

    private ImageInput(Kind kind, String value, byte[] bytes, String contentType) {
        this.kind = kind;
        this.value = value;
        this.bytes = bytes;
        this.contentType = contentType;
    }

    /** A public http(s) URL the provider can fetch without credentials. */
    public static ImageInput url(String url) {
        Objects.requireNonNull(url, "url == null");
        URI uri = URI.create(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("image url must be http(s), got: " + abbreviate(url));
        }
        return new ImageInput(Kind.URL, url.trim(), null, null);
    }

    /** Raw image bytes; sent as a data URI. */
    public static ImageInput bytes(byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes == null");
        Objects.requireNonNull(contentType, "contentType == null");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("image bytes are empty");
        }
        return new ImageInput(Kind.BYTES, null, bytes.clone(), contentType);
    }

    /** A local file, read when the request is sent; its content type comes from the file name. */
    public static ImageInput file(Path file) {
        Objects.requireNonNull(file, "file == null");
        return new ImageInput(Kind.FILE, file.toString(), null, contentTypeOf(file.getFileName().toString()));
    }

    /** A {@code data:<type>;base64,...} URI. */
    public static ImageInput dataUri(String dataUri) {
        Objects.requireNonNull(dataUri, "dataUri == null");
        if (!dataUri.startsWith("data:") || !dataUri.contains(";base64,")) {
            throw new IllegalArgumentException("not a base64 data URI: " + abbreviate(dataUri));
        }
        return new ImageInput(Kind.DATA_URI, dataUri, null, dataUri.substring(5, dataUri.indexOf(';')));
    }

    /** An image the provider already stores, by its id (a Runware image UUID, for example). */
    public static ImageInput asset(String assetId) {
        Objects.requireNonNull(assetId, "assetId == null");
        if (assetId.isBlank()) {
            throw new IllegalArgumentException("assetId is blank");
        }
        return new ImageInput(Kind.ASSET, assetId.trim(), null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The URL, data URI, asset id or file path, as given. {@code null} for {@link Kind#BYTES}. */
    public String value() {
        return value;
    }

    /** The MIME type when known (bytes, files, data URIs). */
    public String contentType() {
        return contentType;
    }

    /** True for a URL or an asset id: something the provider resolves itself, with no bytes to send. */
    public boolean isReference() {
        return kind == Kind.URL || kind == Kind.ASSET;
    }

    /**
     * The image as a data URI, reading the file if needed. For URLs and asset ids there are no bytes to encode.
     *
     * @throws IllegalStateException for {@link Kind#URL} and {@link Kind#ASSET}
     * @throws UncheckedIOException  if the file cannot be read
     */
    public String toDataUri() {
        switch (kind) {
            case DATA_URI:
                return value;
            case BYTES:
                return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
            case FILE:
                try {
                    byte[] data = readCheckedFile(Path.of(value));
                    return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(data);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read image file " + value, e);
                }
            default:
                throw new IllegalStateException(kind + " image has no bytes to encode: " + value);
        }
    }

    // No vendor we speak takes an input image this large; a 100 MB file became a 140 MB request.
    private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** Checks size and image type before reading the whole file, so a wrong path costs no memory and no request. */
    private byte[] readCheckedFile(Path path) throws IOException {
        ImageHeader h = fileHeader(path);
        if (h.bytes() > MAX_FILE_BYTES || h.bytes() == 0) {
            throw new dev.videogen4j.error.InvalidRequestException(null, java.util.List.of(new dev.videogen4j.error.Violation(
                    "image", value + " (" + h.bytes() + " bytes)", "an image file of 1 byte to " + MAX_FILE_BYTES / (1024 * 1024) + " MiB")));
        }
        if (h.format() == null) {
            throw new dev.videogen4j.error.InvalidRequestException(null, java.util.List.of(new dev.videogen4j.error.Violation(
                    "image", value, "a PNG, JPEG, WebP, GIF or BMP file (its first bytes say otherwise)")));
        }
        return Files.readAllBytes(path);
    }

    /**
     * The image's length, type and pixel size, read from its first bytes (and, for a file, the file system) without
     * reading it whole; empty for a URL or an asset id, which the provider fetches itself.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public Optional<ImageHeader> header() {
        try {
            switch (kind) {
                case FILE:
                    return Optional.of(fileHeader(Path.of(value)));
                case BYTES:
                    return Optional.of(ImageHeader.read(bytes.length, new java.io.ByteArrayInputStream(bytes)));
                case DATA_URI:
                    int start = value.indexOf(";base64,") + ";base64,".length();
                    String b64 = value.substring(start).trim();
                    long length = b64.length() / 4L * 3 - (b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0);
                    return Optional.of(ImageHeader.read(Math.max(0, length), Base64.getMimeDecoder().wrap(chars(b64))));
                default:
                    return Optional.empty();
            }
        } catch (IOException | IllegalArgumentException e) {
            if (kind == Kind.FILE) throw new UncheckedIOException("cannot read image file " + value, e instanceof IOException
                    ? (IOException) e : new IOException(e));
            return Optional.of(new ImageHeader(0, null, null, null));   // undecodable base64: no image type
        }
    }

    private static ImageHeader fileHeader(Path path) throws IOException {
        long size = Files.size(path);
        try (java.io.InputStream in = Files.newInputStream(path)) {
            return ImageHeader.read(size, in);
        }
    }

    // The data URI's characters as a stream, so its header is decoded without copying the whole text.
    private static java.io.InputStream chars(String s) {
        return new java.io.InputStream() {
            private int i;

            @Override
            public int read() {
                return i < s.length() ? s.charAt(i++) & 0xff : -1;
            }
        };
    }

    /** The URL or asset id for references, otherwise a data URI. What most providers accept as an image. */
    public String toWireValue() {
        return isReference() ? value : toDataUri();
    }

    static String contentTypeOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".webp")) return "image/webp";
        if (n.endsWith(".gif")) return "image/gif";
        if (n.endsWith(".bmp")) return "image/bmp";
        return "image/jpeg";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...(" + s.length() + " chars)";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ImageInput)) return false;
        ImageInput other = (ImageInput) o;
        return kind == other.kind && Objects.equals(value, other.value)
                && java.util.Arrays.equals(bytes, other.bytes) && Objects.equals(contentType, other.contentType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, java.util.Arrays.hashCode(bytes), contentType);
    }

    @Override
    public String toString() {
        switch (kind) {
            case BYTES: return "ImageInput.bytes(" + contentType + ", " + bytes.length + " bytes)";
            case DATA_URI: return "ImageInput.dataUri(" + contentType + ", " + value.length() + " chars)";
            case FILE: return "ImageInput.file(" + value + ")";
            case ASSET: return "ImageInput.asset(" + value + ")";
            default: return "ImageInput.url(" + value + ")";
        }
    }
}
