package dev.videogen4j.spi;

/**
 * An inclusive numeric range from a model catalog: CFG scale 0–1, prompt length 2–2500.
 *
 * <pre>{@code
 * Range cfg = new Range(0, 1);
 * cfg.contains(0.6);      // true
 * cfg.toString();         // "0..1"
 * }</pre>
 */
public record Range(double min, double max) {
    public Range {
        if (min > max) {
            throw new IllegalArgumentException("range min > max: " + min + ".." + max);
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return format(min) + ".." + format(max);
    }

    private static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
