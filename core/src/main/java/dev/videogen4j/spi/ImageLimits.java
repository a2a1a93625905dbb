package dev.videogen4j.spi;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The input images a model takes, as its vendor documents them: the largest file, the image types, and the
 * smallest and largest width and height. Core checks an image given as bytes, a file or a data URI against them
 * before any HTTP call, reading a file's length from the file system and its type and size from its first bytes.
 * A limit the vendor does not document is {@code null} (any type, any size in pixels); an undocumented byte limit
 * falls back to {@link #DEFAULT_MAX_BYTES}. In a catalog entry:
 *
 * <pre>{@code
 * "imageInput": {"maxBytes": 20971520, "formats": ["jpeg", "png", "webp"],
 *                "minWidth": 300, "maxWidth": 2048, "minHeight": 300, "maxHeight": 2048,
 *                "source": "runware.ai/docs/en/providers/klingai: 300-2048 px per side, 20MB"}
 * }</pre>
 *
 * @param maxBytes  the largest image file in bytes, or {@code null} when undocumented
 * @param formats   the accepted types ({@code jpeg}, {@code png}, {@code webp}, {@code gif}, {@code bmp}); empty
 *                  when undocumented (any of those)
 * @param minWidth  the smallest width in pixels, or {@code null}
 * @param maxWidth  the largest width in pixels, or {@code null}
 * @param minHeight the smallest height in pixels, or {@code null}
 * @param maxHeight the largest height in pixels, or {@code null}
 * @param source    where the vendor says so, or {@code null}
 */
public record ImageLimits(Long maxBytes, Set<String> formats, Integer minWidth, Integer maxWidth, Integer minHeight,
                          Integer maxHeight, String source) {
    /** The byte limit of a model whose vendor documents none: no vendor we speak takes a larger input image. */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /** A model whose vendor documents no image limits. */
    public static final ImageLimits UNDOCUMENTED = new ImageLimits(null, Set.of(), null, null, null, null, null);
    private static final Set<String> KNOWN = Set.of("jpeg", "png", "webp", "gif", "bmp");

    public ImageLimits {
        if (maxBytes != null && maxBytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        Set<String> f = new LinkedHashSet<>();
        for (String s : formats == null ? Set.<String>of() : formats) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            name = name.equals("jpg") ? "jpeg" : name;
            if (!KNOWN.contains(name)) throw new IllegalArgumentException("format must be one of " + KNOWN + ", got " + s);
            f.add(name);
        }
        formats = Set.copyOf(f);
        positiveAndOrdered("width", minWidth, maxWidth);
        positiveAndOrdered("height", minHeight, maxHeight);
    }

    private static void positiveAndOrdered(String what, Integer min, Integer max) {
        if ((min != null && min < 1) || (max != null && max < 1)) {
            throw new IllegalArgumentException(what + " limits must be >= 1, got " + min + ".." + max);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min " + what + " " + min + " > max " + what + " " + max);
        }
    }

    /** The byte limit to apply: the documented one, else {@link #DEFAULT_MAX_BYTES}. */
    public long byteLimit() {
        return maxBytes != null ? maxBytes : DEFAULT_MAX_BYTES;
    }

    /** Whether {@code width} x {@code height} is within the documented pixel limits (true when none are). */
    public boolean fits(int width, int height) {
        return (minWidth == null || width >= minWidth) && (maxWidth == null || width <= maxWidth)
                && (minHeight == null || height >= minHeight) && (maxHeight == null || height <= maxHeight);
    }

    /** Whether any pixel limit is documented. */
    public boolean limitsPixels() {
        return minWidth != null || maxWidth != null || minHeight != null || maxHeight != null;
    }

    /** The pixel limits in words: {@code 300..2048 px wide and 300..2048 px high}. */
    public String pixelsInWords() {
        return span(minWidth, maxWidth) + " px wide and " + span(minHeight, maxHeight) + " px high";
    }

    private static String span(Integer min, Integer max) {
        if (min != null && max != null) return min + ".." + max;
        return min != null ? "at least " + min : max != null ? "at most " + max : "any";
    }
}
