package dev.videogen4j.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * What an image says about itself in its first bytes: its type and its size in pixels, with its length in bytes
 * (from the file system for a file). Read without loading the image whole, so a 100 MB file or a text file given as
 * an image is refused before it costs memory or a request.
 *
 * <pre>{@code
 * ImageHeader h = ImageInput.file(Path.of("first.png")).header().orElseThrow();
 * h.format();   // "png"
 * h.width();    // 1280
 * }</pre>
 *
 * @param bytes  the image's length in bytes
 * @param format {@code jpeg}, {@code png}, {@code webp}, {@code gif} or {@code bmp}; {@code null} when the first
 *               bytes are not those of any of them
 * @param width  the width in pixels, or {@code null} when the header does not say (or the type is unknown)
 * @param height the height in pixels, or {@code null} likewise
 */
public record ImageHeader(long bytes, String format, Integer width, Integer height) {
    // A JPEG's size sits in its frame header, after any EXIF or ICC segments: look that far, no further.
    private static final int MAX_JPEG_SCAN = 4 * 1024 * 1024;

    public ImageHeader {
        if (bytes < 0) throw new IllegalArgumentException("bytes < 0: " + bytes);
    }

    /** Reads the header from {@code in} (positioned at the image's first byte) for an image of {@code bytes} bytes. */
    public static ImageHeader read(long bytes, InputStream in) throws IOException {
        Objects.requireNonNull(in, "in == null");
        byte[] h = in.readNBytes(30);
        int n = h.length;
        // A header cut short still names the type; the size is then unknown.
        if (n >= 4 && u8(h, 0) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return n >= 24 ? new ImageHeader(bytes, "png", be32(h, 16), be32(h, 20)) : new ImageHeader(bytes, "png", null, null);
        }
        if (n >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return n >= 10 ? new ImageHeader(bytes, "gif", le16(h, 6), le16(h, 8)) : new ImageHeader(bytes, "gif", null, null);
        }
        if (n >= 26 && h[0] == 'B' && h[1] == 'M') {
            return new ImageHeader(bytes, "bmp", Math.abs(le32(h, 18)), Math.abs(le32(h, 22)));
        }
        if (n >= 2 && h[0] == 'B' && h[1] == 'M') return new ImageHeader(bytes, "bmp", null, null);
        if (n >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E'
                && h[10] == 'B' && h[11] == 'P') {
            return webp(bytes, h, n);
        }
        if (n >= 3 && u8(h, 0) == 0xff && u8(h, 1) == 0xd8 && u8(h, 2) == 0xff) {
            return jpeg(bytes, h, n, in);
        }
        return new ImageHeader(bytes, null, null, null);
    }

    private static ImageHeader webp(long bytes, byte[] h, int n) {
        String chunk = n >= 16 ? new String(h, 12, 4, java.nio.charset.StandardCharsets.US_ASCII) : "";
        if (chunk.equals("VP8 ") && n >= 30) {
            return new ImageHeader(bytes, "webp", le16(h, 26) & 0x3fff, le16(h, 28) & 0x3fff);
        }
        if (chunk.equals("VP8L") && n >= 25) {
            int b = le32(h, 21);
            return new ImageHeader(bytes, "webp", (b & 0x3fff) + 1, ((b >>> 14) & 0x3fff) + 1);
        }
        if (chunk.equals("VP8X") && n >= 30) {
            return new ImageHeader(bytes, "webp", le24(h, 24) + 1, le24(h, 27) + 1);
        }
        return new ImageHeader(bytes, "webp", null, null);
    }

    // Walks the marker segments up to the first start-of-frame, skipping the others by their length.
    private static ImageHeader jpeg(long bytes, byte[] head, int n, InputStream rest) throws IOException {
        InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 2, n - 2), rest);
        long read = 2;
        while (read < MAX_JPEG_SCAN) {
            int b = in.read();
            read++;
            if (b != 0xff) return new ImageHeader(bytes, "jpeg", null, null);
            int marker = in.read();
            read++;
            while (marker == 0xff) {
                marker = in.read();
                read++;
            }
            if (marker < 0 || marker == 0xd9 || marker == 0xda) break;
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;   // no length
            int len = (in.read() << 8) | in.read();
            read += 2;
            if (len < 2) break;
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                byte[] f = in.readNBytes(5);
                if (f.length < 5) break;
                return new ImageHeader(bytes, "jpeg", ((u8(f, 3) << 8) | u8(f, 4)), ((u8(f, 1) << 8) | u8(f, 2)));
            }
            try {
                in.skipNBytes(len - 2);
            } catch (java.io.EOFException cut) {
                break;
            }
            read += len - 2;
        }
        return new ImageHeader(bytes, "jpeg", null, null);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int be32(byte[] b, int i) {
        return (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static int le24(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16);
    }

    private static int le32(byte[] b, int i) {
        return le24(b, i) | (u8(b, i + 3) << 24);
    }
}
