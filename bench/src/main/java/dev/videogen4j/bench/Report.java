package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds BENCHMARKS.md: the machine and the command, a summary of every target, then one section per benchmark
 * with its own command, its figures, and — where a target is missed — by how much and what the measurements
 * say about why. Sections add their summary lines as they go.
 *
 * <pre>{@code
 * Report r = new Report(false);
 * r.b2(ScaleSuite.videogen4j(...));
 * Files.writeString(Path.of("BENCHMARKS.md"), r.markdown());
 * }</pre>
 */
final class Report {
    static final String BUILD = "mvn -B -q -pl bench -am package -DskipTests";
    static final String JAR = "java -jar bench/target/videogen4j-bench.jar";

    private final boolean quick;
    private final String startedAt = ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private final String loadAtStart = loadAverage();
    private final List<String> summary = new ArrayList<>();
    private final StringBuilder sections = new StringBuilder();

    Report(boolean quick) {
        this.quick = quick;
    }

    void b1(List<OverheadSuite.Row> rows) {
        sections.append(OverheadSection.markdown(rows, summary));
    }

    void b2(List<ScaleSuite.Run> runs) {
        sections.append(ScaleSection.markdown(runs, summary));
    }

    void b3(List<ScaleSuite.Run> runs) {
        sections.append(PollingSection.markdown(runs, summary));
    }

    void b5(DurableSuite.Result result) {
        sections.append(DurableSection.markdown(result, summary));
    }

    void b4(List<ScaleSuite.Run> runs) {
        sections.append(VendorSection.markdown(runs, summary));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# videogen4j benchmarks\n\n");
        if (quick) md.append("> **--quick run: shrunken workloads, not the report's figures.**\n\n");
        md.append("Every figure below was produced by one command, run from the repository root:\n\n```\n")
                .append(BUILD).append(" && ").append(JAR).append(" all\n```\n\n")
                .append("It rewrites this file. `").append(JAR).append(" b1` (… `b4`) re-runs one section and prints it.\n\n")
                .append("| | |\n|---|---|\n")
                .append("| machine | ").append(Machine.describe()).append(" |\n")
                .append("| run | ").append(startedAt).append(", load average at start ").append(loadAtStart)
                .append(", at end ").append(loadAverage()).append(" |\n")
                .append("| setup | each client in a JVM of its own (`-Xmx512m`), the emulator (testkit's `ProviderEmulator`, ")
                .append("wire-faithful Runware and fal) in another, over loopback: no figure mixes client and emulator |\n\n")
                .append("## Summary\n\n| figure | target | measured | |\n|---|---|---|---|\n");
        summary.forEach(line -> md.append(line).append('\n'));
        md.append("\n").append(sections).append(ReadingNotes.TEXT);
        return md.toString();
    }

    /** A summary line; {@code met} null for figures without a target. */
    static String line(String figure, String target, String measured, Boolean met) {
        return "| " + figure + " | " + target + " | " + measured + " | "
                + (met == null ? "" : met ? "met" : "**missed**") + " |";
    }

    static String command(String section) {
        return "Command: `" + BUILD + " && " + JAR + " " + section + "`\n\n";
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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
