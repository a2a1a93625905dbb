package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule of the public surface: no main source outside core uses core's {@code dev.videogen4j.internal} package —
 * not the CLI, the bench, the adapters, Spring Boot, Micrometer, jobs-jdbc, the testkit or the example plugin. What
 * they need is public API, so a user can do the same. Runs from the CLI module (the reactor's last library user),
 * over every module's {@code src/main/java}.
 */
class CoreInternalsStayInCoreTest {
    // An import or a qualified use of a type; a string naming the package (the bench's allocation report) is neither.
    private static final Pattern USE = Pattern.compile("^\\s*import\\s+(static\\s+)?dev\\.videogen4j\\.internal\\."
            + "|[^\"\\w.]dev\\.videogen4j\\.internal\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void noMainSourceOutsideCoreUsesCoreInternals() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(root.resolve("core/pom.xml")), "run from the cli module of the reactor: " + root);
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .map(root::relativize)
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.startsWith("core") && !p.toString().contains("/target/"))
                    .filter(p -> USE.matcher(read(root.resolve(p))).find())
                    .map(Path::toString).sorted().collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders, "main sources outside core that use dev.videogen4j.internal");
    }

    @Test
    void theRuleSeesAnImportAQualifiedUseAndNotAString() {
        assertTrue(USE.matcher("package x;\nimport dev.videogen4j.internal.Settings;\n").find());
        assertTrue(USE.matcher("  Duration d = dev.videogen4j.internal.Settings.parseDuration(k, v);").find());
        assertTrue(!USE.matcher("if (type.startsWith(\"dev.videogen4j.internal.\")) return \"core engine\";").find());
        assertTrue(!USE.matcher("import dev.videogen4j.http.internal.HttpClients;").find());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
