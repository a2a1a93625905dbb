package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds BENCHMARKS.md: the machine and the commands, a summary of every target per client JVM, then one section
 * per benchmark with its own command, its figures, when it ran under which load, and — where a target is missed
 * — by how much and what the measurements say about why. Sections add their summary lines as they go.
 *
 * <pre>{@code
 * Report r = new Report(false, List.of(Jvm.current()));
 * r.begin();
 * r.b2(runs);
 * Files.writeString(Path.of("BENCHMARKS.md"), r.markdown(previousFile));
 * }</pre>
 */
final class Report {
    static final String BUILD = "mvn -B -q -pl bench -am package -DskipTests";
    static final String JAR = "java -jar bench/target/videogen4j-bench.jar";

    private final boolean quick;
    private final List<Jvm> jvms;
    private final Instant started = Instant.now();
    private final String loadAtStart = loadAverage();
    private final Summary summary = new Summary();
    /** The sections in the report's order; a section not run now is carried over from the file it replaces. */
    static final List<String> ORDER = List.of("N1", "B1", "B2", "B3", "B4", "B5");
    private final Map<String, String> sections = new java.util.HashMap<>();
    private Instant sectionStart;
    private String sectionLoad;

    Report(boolean quick, List<Jvm> jvms) {
        this.quick = quick;
        this.jvms = List.copyOf(jvms);
    }

    /** A section starts: its time and load are noted under it. */
    void begin() {
        sectionStart = Instant.now();
        sectionLoad = loadAverage();
    }

    void n1(List<ScaleSuite.Run> runs) {
        section("N1", NoticeSection.markdown(runs, summary));
    }

    void b1(List<OverheadSuite.Row> rows) {
        section("B1", OverheadSection.markdown(rows, summary));
    }

    void b2(List<ScaleSuite.Run> runs) {
        section("B2", ScaleSection.markdown(runs, summary));
    }

    void b3(List<ScaleSuite.Run> runs) {
        section("B3", PollingSection.markdown(runs, summary));
    }

    void b4(List<ScaleSuite.Run> runs) {
        section("B4", VendorSection.markdown(runs, summary));
    }

    void b5(DurableSuite.Result result) {
        section("B5", DurableSection.markdown(result, summary));
    }

    private void section(String id, String md) {
        StringBuilder out = new StringBuilder(md);
        if (sectionStart != null) {
            out.append(f("_This section ran at %s and took %s; load average at its start %s, at its end %s._%n%n",
                    sectionStart.truncatedTo(ChronoUnit.SECONDS), human(Duration.between(sectionStart, Instant.now())),
                    sectionLoad, loadAverage()));
        }
        sections.put(id, out.toString());
    }

    String elapsed() {
        return human(Duration.between(started, Instant.now()));
    }

    /**
     * The whole file. {@code previous} is the file this one replaces: each section not run now is carried over from
     * it verbatim, with its summary lines (widened to this summary's columns where they have fewer), so sections can
     * be measured by separate commands (B5 needs a PostgreSQL server and runs only on its own).
     */
    String markdown(String previous) {
        StringBuilder md = new StringBuilder("# videogen4j benchmarks\n\n");
        if (quick) md.append("> **--quick run: shrunken workloads, not the report's figures.**\n\n");
        String others = jvms.stream().skip(1).map(Jvm::java).collect(Collectors.joining(","));
        md.append("Every section below names the command that produced it and when it ran, under which load. All of "
                        + "them but B5 (which needs PostgreSQL, see there), from the repository root:\n\n```\n")
                .append(BUILD).append(" && ").append(JAR).append(" all")
                .append(others.isEmpty() ? "" : " --java=" + others).append("\n```\n\n")
                .append("`all` rewrites this file; so does a list of sections (`n1`, `b1,b2`, …), which re-runs those and "
                        + "keeps the others as they are. `--quick` shrinks every run and only prints. The harness and the "
                        + "emulator run on the JVM that runs the jar (`java`: ").append(jvms.get(0).name())
                .append(", ").append(jvms.get(0).version()).append("); the measured clients of N1, B1 and B2 run once on it")
                .append(others.isEmpty() ? "" : " and once on each JVM given with `--java` ("
                        + jvms.stream().skip(1).map(j -> j.name() + ", " + j.version() + " at `" + j.java() + "`")
                        .collect(Collectors.joining("; ")) + ")")
                .append(", and the summary shows each JVM's figures in a column of its own. B3 and B4 run on the first only.\n\n")
                .append("| | |\n|---|---|\n")
                .append("| machine | ").append(Machine.describe()).append(" |\n")
                .append("| last run | ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(ORDER.stream().filter(sections::containsKey).collect(Collectors.joining(", "))).append(", took ")
                .append(elapsed()).append(", load average at start ").append(loadAtStart).append(", at end ")
                .append(loadAverage()).append(" |\n")
                .append("| setup | each client in a JVM of its own (`-Xmx512m`), the emulator (testkit's `ProviderEmulator`, ")
                .append("wire-faithful Runware and fal) in another, over loopback: no figure mixes client and emulator |\n\n");
        md.append("## Summary\n\n").append(Summary.head(jvms));
        StringBuilder body = new StringBuilder();
        for (String id : ORDER) {
            if (sections.containsKey(id)) {
                md.append(summary.rows(jvms, id + " "));
                body.append(sections.get(id));
            } else {
                md.append(carriedLines(previous, id));
                body.append(carriedSection(previous, id));
            }
        }
        md.append("\n").append(body).append(ReadingNotes.TEXT);
        return md.toString();
    }

    private static String carriedSection(String previous, String id) {
        int at = previous.indexOf("\n## " + id + " ");
        if (at < 0) return "";
        int end = previous.indexOf("\n## ", at + 1);
        return previous.substring(at + 1, end < 0 ? previous.length() : end + 1);
    }

    /** The previous summary's lines of section {@code id}, each widened to this summary's columns if it has fewer. */
    private String carriedLines(String previous, String id) {
        StringBuilder out = new StringBuilder();
        previous.lines().filter(l -> l.startsWith("| " + id + " ")).forEach(l -> {
            String[] cells = l.split("\\|", -1);   // "", figure, target, (measured, met)*, ""
            int have = (cells.length - 3) / 2;
            // a line from an older layout is marked: its section says when it was measured
            String figure = cells[1].trim() + (have < jvms.size() && !cells[1].contains("(carried over") ? " (carried over)" : "");
            StringBuilder line = new StringBuilder("| " + figure + " |");
            for (int i = 2; i < cells.length - 1; i++) line.append(cells[i].isBlank() ? " |" : " " + cells[i].trim() + " |");
            for (int i = have; i < jvms.size(); i++) line.append(" – | |");
            out.append(line).append('\n');
        });
        return out.toString();
    }

    /**
     * A section's command line; {@code used} are the JVMs its clients ran on, the harness's own first, and
     * {@code --java} names the others.
     */
    static String command(String section, List<Jvm> used) {
        String others = used.stream().map(Jvm::java).distinct().skip(1).collect(Collectors.joining(","));
        return "Command: `" + BUILD + " && " + JAR + " " + section + (others.isEmpty() ? "" : " --java=" + others) + "`\n\n";
    }

    static String command(String section) {
        return command(section, List.of());
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? f("%d min %02d s", s / 60, s % 60) : s + " s";
    }

    static String mb(double bytes) {
        return f("%.0f MB", bytes / 1_048_576);
    }

    static String kb(double bytes) {
        return f("%.1f KB", bytes / 1024);
    }

    static String loadAverage() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " / " + l[1] + " / " + l[2] + " (1/5/15 min)";
        } catch (IOException | RuntimeException notLinux) {
            return "n/a";
        }
    }
}
