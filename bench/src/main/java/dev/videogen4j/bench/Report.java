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
    private final StringBuilder sections = new StringBuilder();
    private boolean b5;
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
        section(NoticeSection.markdown(runs, summary));
    }

    void b1(List<OverheadSuite.Row> rows) {
        section(OverheadSection.markdown(rows, summary));
    }

    void b2(List<ScaleSuite.Run> runs) {
        section(ScaleSection.markdown(runs, summary));
    }

    void b3(List<ScaleSuite.Run> runs) {
        section(PollingSection.markdown(runs, summary));
    }

    void b4(List<ScaleSuite.Run> runs) {
        section(VendorSection.markdown(runs, summary));
    }

    void b5(DurableSuite.Result result) {
        b5 = true;
        section(DurableSection.markdown(result, summary));
    }

    private void section(String md) {
        sections.append(md);
        if (sectionStart != null) {
            sections.append(f("_This section ran at %s and took %s; load average at its start %s, at its end %s._%n%n",
                    sectionStart.truncatedTo(ChronoUnit.SECONDS), human(Duration.between(sectionStart, Instant.now())),
                    sectionLoad, loadAverage()));
        }
    }

    String elapsed() {
        return human(Duration.between(started, Instant.now()));
    }

    /**
     * The whole file. {@code previous} is the file this one replaces: a B5 section not re-run now is carried over
     * from it, verbatim, with its summary line (B5 needs a PostgreSQL server and runs only on its own).
     */
    String markdown(String previous) {
        StringBuilder md = new StringBuilder("# videogen4j benchmarks\n\n");
        if (quick) md.append("> **--quick run: shrunken workloads, not the report's figures.**\n\n");
        String others = jvms.stream().skip(1).map(Jvm::java).collect(Collectors.joining(","));
        md.append("Every figure below (B5 aside, see there) was produced by one command, run from the repository root:\n\n```\n")
                .append(BUILD).append(" && ").append(JAR).append(" all")
                .append(others.isEmpty() ? "" : " --java=" + others).append("\n```\n\n")
                .append("It rewrites this file. `").append(JAR).append(" n1` (or `b1` … `b5`) re-runs one section and prints it. ")
                .append("The harness and the emulator run on the JVM that runs the jar (`java`: ").append(jvms.get(0).name())
                .append(", ").append(jvms.get(0).version()).append("); the measured clients of N1, B1 and B2 run once on it")
                .append(others.isEmpty() ? "" : " and once on each JVM given with `--java` ("
                        + jvms.stream().skip(1).map(j -> j.name() + ", " + j.version() + " at `" + j.java() + "`")
                        .collect(Collectors.joining("; ")) + ")")
                .append(", and the summary shows each JVM's figures in a column of its own. B3 and B4 run on the first only.\n\n")
                .append("| | |\n|---|---|\n")
                .append("| machine | ").append(Machine.describe()).append(" |\n")
                .append("| run | ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", took ").append(elapsed())
                .append(", load average at start ").append(loadAtStart).append(", at end ").append(loadAverage()).append(" |\n")
                .append("| setup | each client in a JVM of its own (`-Xmx512m`), the emulator (testkit's `ProviderEmulator`, ")
                .append("wire-faithful Runware and fal) in another, over loopback: no figure mixes client and emulator |\n\n");
        String oldB5 = b5 ? "" : previousB5(previous);
        md.append("## Summary\n\n").append(summary.markdown(jvms));
        if (!oldB5.isEmpty()) md.append(previousB5Line(previous));
        md.append("\n").append(sections).append(oldB5).append(ReadingNotes.TEXT);
        return md.toString();
    }

    private String previousB5(String previous) {
        int at = previous.indexOf("\n## B5");
        if (at < 0) return "";
        int end = previous.indexOf("\n## ", at + 1);
        return previous.substring(at + 1, end < 0 ? previous.length() : end + 1);
    }

    /** The old summary's B5 line, widened to this summary's columns (its figure under the first JVM). */
    private String previousB5Line(String previous) {
        return previous.lines().filter(l -> l.startsWith("| B5 ")).findFirst().map(l -> {
            String[] cells = l.split("\\|", -1);
            StringBuilder out = new StringBuilder("| " + cells[1].trim() + " (carried over, see B5) | " + cells[2].trim()
                    + " | " + cells[3].trim() + " |" + (cells[4].isBlank() ? "" : " " + cells[4].trim()) + " |");
            for (int i = 1; i < jvms.size(); i++) out.append(" – | |");
            return out.append('\n').toString();
        }).orElse("");
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
