package dev.videogen4j.spi;

import java.math.BigInteger;

/**
 * An output size a model accepts, like 1280×720, with its aspect ratio ("16:9") and resolution class ("720p").
 *
 * <pre>{@code
 * Dimension d = Dimension.parse("1280x720");
 * d.aspectRatio();   // "16:9"
 * d.resolution();    // "720p"
 * }</pre>
 */
public record Dimension(int width, int height) {
    public Dimension {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + width + "x" + height);
        }
    }

    /** Reads {@code 1280x720} (also {@code 1280×720}). */
    public static Dimension parse(String text) {
        String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×]");
        if (p.length != 2) {
            throw new IllegalArgumentException("not a WIDTHxHEIGHT dimension: " + text);
        }
        return new Dimension(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
    }

    /** The reduced ratio, e.g. {@code 16:9}. */
    public String aspectRatio() {
        int g = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
        return (width / g) + ":" + (height / g);
    }

    /** The short side followed by {@code p}: {@code 720p}, {@code 1080p}. */
    public String resolution() {
        return Math.min(width, height) + "p";
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
