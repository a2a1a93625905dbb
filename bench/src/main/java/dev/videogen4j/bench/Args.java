package dev.videogen4j.bench;

import dev.videogen4j.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code key=value} arguments, the way the parent hands a workload to a child process.
 *
 * <pre>{@code
 * Map<String, String> a = Args.parse(new String[] {"jobs=10000", "latency=50ms"});
 * int jobs = Args.integer(a, "jobs", 100);
 * }</pre>
 */
final class Args {
    private Args() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got: " + arg);
            out.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return out;
    }

    static List<String> format(Map<String, ?> values) {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    static Duration duration(Map<String, String> a, String key, Duration orElse) {
        String v = a.get(key);
        return v == null ? orElse : Durations.parse(key, v);
    }

    static int integer(Map<String, String> a, String key, int orElse) {
        String v = a.get(key);
        return v == null ? orElse : Integer.parseInt(v);
    }

    static boolean bool(Map<String, String> a, String key) {
        return Boolean.parseBoolean(a.get(key));
    }

    /** {@code 1500ms}, the form {@link Durations#parse} reads back. */
    static String text(Duration d) {
        return d.toMillis() + "ms";
    }
}
