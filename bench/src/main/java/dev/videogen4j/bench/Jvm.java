package dev.videogen4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM the measured clients run on. The harness itself and the emulator always run on the JVM that started the
 * harness, so a column per JVM differs only in the client's runtime.
 *
 * <pre>{@code
 * List<Jvm> jvms = Jvm.parse("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");   // plus the current one first
 * Child.start(jvms.get(1), List.of("-Xmx512m"), "scale-worker", args);
 * }</pre>
 *
 * @param java the {@code bin/java} executable
 * @param version {@code JAVA_VERSION} from the JDK's {@code release} file, e.g. {@code 25.0.3}
 */
record Jvm(String java, String version) {
    /** The JVM running this code. */
    static Jvm current() {
        return new Jvm(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.version"));
    }

    /** The current JVM, then each one of a comma-separated list of {@code bin/java} paths (blank: none). */
    static List<Jvm> withCurrent(String others) {
        List<Jvm> out = new ArrayList<>(List.of(current()));
        if (others == null || others.isBlank()) return out;
        for (String java : others.split(",")) {
            Jvm jvm = of(java.trim());
            if (out.stream().noneMatch(j -> j.version().equals(jvm.version()))) out.add(jvm);
        }
        return out;
    }

    static Jvm of(String java) {
        Path bin = Path.of(java);
        if (!Files.isExecutable(bin)) throw new IllegalArgumentException("--java: not an executable: " + java);
        Path release = bin.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) return new Jvm(java, line.substring(13).replace("\"", ""));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--java: no JDK release file at " + release, e);
        }
        throw new IllegalArgumentException("--java: no JAVA_VERSION in " + release);
    }

    /** {@code JDK 17}: the feature release, what the report's columns are headed with. */
    String name() {
        int dot = version.indexOf('.');
        return "JDK " + (dot < 0 ? version : version.substring(0, dot));
    }
}
