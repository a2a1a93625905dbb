package dev.videogen4j.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's stand-in for the vendors' CDNs: every generated video gets a URL under
 * {@code /videos/} that serves a tiny file with the right magic bytes, content type and length,
 * so download code works offline.
 */
public final class VideoFiles {
    /** A registered video: where it lives and what a download returns. */
    public record Video(String id, String url, String fileName, String contentType, long size) {}

    private enum Format {
        MP4("mp4", "video/mp4"), MOV("mov", "video/quicktime"), WEBM("webm", "video/webm");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    private final String baseUrl;
    private final Map<String, Format> formats = new ConcurrentHashMap<>();

    public VideoFiles(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers video {@code id} in {@code outputFormat} (MP4, WEBM or MOV; default MP4). */
    public Video register(String id, String outputFormat) {
        Format format = outputFormat == null ? Format.MP4 : Format.valueOf(outputFormat);
        formats.put(id, format);
        String fileName = id + "." + format.extension;
        return new Video(id, baseUrl + "/videos/" + fileName, fileName, format.contentType,
                bytes(id, format).length);
    }

    /** Serves {@code GET /videos/{id}.{ext}}; 404 for anything not registered. */
    public Reply serve(IncomingRequest request) {
        List<String> segments = request.pathSegments();
        String fileName = segments.size() == 2 ? segments.get(1) : "";
        int dot = fileName.lastIndexOf('.');
        Format format = dot < 0 ? null : formats.get(fileName.substring(0, dot));
        if (!request.method().equals("GET") || format == null
                || !fileName.substring(dot + 1).toLowerCase(Locale.ROOT).equals(format.extension)) {
            return Reply.text(404, "text/plain", "Not Found");
        }
        return Reply.bytes(200, format.contentType, bytes(fileName.substring(0, dot), format));
    }

    /**
     * A minimal file of the format: for MP4/MOV an {@code ftyp} box, a {@code free} box carrying the
     * id (so every video differs) and an empty {@code mdat}; for WebM an EBML header and a Void
     * element carrying the id.
     */
    private static byte[] bytes(String id, Format format) {
        byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == Format.WEBM) {
            out.writeBytes(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F,
                    0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0xF7, (byte) 0x81, 0x01,
                    0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81, 0x08,
                    0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm',
                    0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85, (byte) 0x81, 0x02});
            out.write(0xEC);
            out.write(0x80 | idBytes.length); // ids are UUIDs: 36 bytes fit a one-byte size
            out.writeBytes(idBytes);
            return out.toByteArray();
        }
        String brand = format == Format.MOV ? "qt  " : "isom";
        box(out, "ftyp", concat(ascii(brand), new byte[] {0, 0, 2, 0}, ascii(brand),
                ascii(format == Format.MOV ? "qt  " : "mp41")));
        box(out, "free", idBytes);
        box(out, "mdat", new byte[0]);
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
        int size = 8 + payload.length;
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8),
                (byte) size});
        out.writeBytes(ascii(type));
        out.writeBytes(payload);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
