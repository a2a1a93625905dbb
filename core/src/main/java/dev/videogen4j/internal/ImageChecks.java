package dev.videogen4j.internal;

import dev.videogen4j.ImageInput;
import dev.videogen4j.error.Violation;
import dev.videogen4j.spi.ImageHeader;
import dev.videogen4j.spi.ImageLimits;
import dev.videogen4j.spi.ModelCapabilities;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks an input image given as bytes, a file or a data URI against the model's documented limits before anything
 * is sent: its length (a file's from the file system), then its type and pixel size from its first bytes. Nothing
 * reads a file whole here; an image the provider fetches itself (a URL, an asset id) is not checked.
 *
 * <pre>{@code
 * ImageChecks.check(violations, "image", request.image(), model);
 * // image=/tmp/big.png (31457280 bytes) (allowed: at most 20971520 bytes (20 MiB) for runware/klingai:6@0)
 * }</pre>
 */
final class ImageChecks {
    private static final String KNOWN = "a PNG, JPEG, WebP, GIF or BMP image";

    private ImageChecks() {
    }

    static void check(List<Violation> v, String field, ImageInput image, ModelCapabilities m) {
        if (image == null || image.isReference()) return;
        ImageLimits limits = m.imageInput();
        String which = describe(image);
        Optional<ImageHeader> read;
        try {
            read = image.header();
        } catch (UncheckedIOException e) {
            v.add(new Violation(field, which, "a readable image file (" + e.getCause().getClass().getSimpleName()
                    + (e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage()) + ")"));
            return;
        }
        if (read.isEmpty()) return;
        ImageHeader h = read.get();
        String by = " for " + m.providerId() + "/" + m.id() + (limits.source() == null ? "" : " (" + limits.source() + ")");
        if (h.bytes() == 0 || h.bytes() > limits.byteLimit()) {
            v.add(new Violation(field, which + " (" + h.bytes() + " bytes)", "1 to " + limits.byteLimit() + " bytes ("
                    + mib(limits.byteLimit()) + ")" + (limits.maxBytes() == null ? " (no limit documented for "
                    + m.providerId() + "/" + m.id() + "; videogen4j's own cap)" : by)));
            return;
        }
        if (h.format() == null) {
            v.add(new Violation(field, which, (limits.formats().isEmpty() ? KNOWN : "a " + formats(limits) + " image")
                    + " (its first bytes are none of these)"));
            return;
        }
        if (!limits.formats().isEmpty() && !limits.formats().contains(h.format())) {
            v.add(new Violation(field, which + " (" + h.format() + ")", formats(limits) + by));
            return;
        }
        if (limits.limitsPixels() && h.width() != null && h.height() != null && !limits.fits(h.width(), h.height())) {
            v.add(new Violation(field, which + " (" + h.width() + "x" + h.height() + " px)", limits.pixelsInWords() + by));
        }
    }

    private static String describe(ImageInput image) {
        return image.kind() == ImageInput.Kind.FILE ? image.value() : image.toString();
    }

    private static String formats(ImageLimits l) {
        return String.join(", ", new TreeSet<>(l.formats()));
    }

    private static String mib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : String.format("%.1f MiB", bytes / 1048576.0);
    }
}
