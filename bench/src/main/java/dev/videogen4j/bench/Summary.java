package dev.videogen4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's summary table: one line per figure, with its target and, side by side, what each client JVM
 * measured and whether that meets the target. Sections add their figures as they render.
 *
 * <pre>{@code
 * Summary s = new Summary();
 * s.add("B2 videogen4j, fal: peak live threads", "≤ 64", Jvm.current(), "58", true);
 * String md = s.markdown(List.of(Jvm.current()));
 * }</pre>
 */
final class Summary {
    /** {@code met} is null for a figure without a target. */
    record Entry(String figure, String target, Jvm jvm, String measured, Boolean met) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(String figure, String target, Jvm jvm, String measured, Boolean met) {
        entries.add(new Entry(figure, target, jvm, measured, met));
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The table's head: figure, target, then a measured/met column pair per JVM in {@code jvms}. */
    static String head(List<Jvm> jvms) {
        StringBuilder md = new StringBuilder("| figure | target |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Jvm jvm : jvms) {
            md.append(" measured, ").append(jvm.name()).append(" | |");
            rule.append("---|---|");
        }
        return md.append('\n').append(rule).append('\n').toString();
    }

    /** The whole table. */
    String markdown(List<Jvm> jvms) {
        return head(jvms) + rows(jvms, "");
    }

    /** The rows of the figures starting with {@code prefix}, in the order first added. */
    String rows(List<Jvm> jvms, String prefix) {
        Map<String, Map<String, Entry>> byFigure = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.figure().startsWith(prefix)) {
                byFigure.computeIfAbsent(e.figure(), f -> new LinkedHashMap<>()).put(e.jvm().name(), e);
            }
        }
        StringBuilder md = new StringBuilder();
        byFigure.forEach((figure, measured) -> {
            Entry any = measured.values().iterator().next();
            md.append("| ").append(figure).append(" | ").append(any.target()).append(" |");
            for (Jvm jvm : jvms) {
                Entry e = measured.get(jvm.name());
                String met = e == null || e.met() == null ? "" : e.met() ? " met" : " **missed**";
                md.append(' ').append(e == null ? "–" : e.measured()).append(" |").append(met).append(" |");
            }
            md.append('\n');
        });
        return md.toString();
    }
}
