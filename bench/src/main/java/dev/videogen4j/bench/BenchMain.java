package dev.videogen4j.bench;

import java.util.Arrays;

/**
 * The benchmark harness's single entry point. From the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl bench -am package -DskipTests && java -jar bench/target/videogen4j-bench.jar all \
 *     --java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 * }</pre>
 *
 * <p>{@code all} runs N1 and B1–B4 and writes {@code BENCHMARKS.md}; a comma-separated list of sections
 * ({@code n1}, {@code b1} … {@code b5}) runs those and rewrites them there, keeping the others; {@code --java=PATH[,PATH]} runs N1, B1 and B2's clients on those JVMs too, side by side
 * with the one running the jar; {@code --quick} shrinks every run for a try-out (its figures are not the
 * report's). The other commands are the child processes the harness starts itself.
 */
public final class BenchMain {
    static final String USAGE = String.join("\n",
            "Usage: java -jar bench/target/videogen4j-bench.jar [all | SECTION[,SECTION...]] [--quick] [--java=PATH[,PATH]]",
            "",
            "Runs videogen4j's benchmarks against the built-in emulator and writes BENCHMARKS.md.",
            "  all             N1 and B1-B4 (default); rewrites BENCHMARKS.md",
            "  SECTION         n1, b1, b2, b3, b4, b5: runs those and rewrites them in BENCHMARKS.md, keeping the others",
            "                  (b5 needs VIDEOGEN4J_BENCH_POSTGRES_URL=jdbc:postgresql://HOST:PORT/DB?user=U)",
            "  --quick         shrinks every run for a try-out; prints, writes nothing",
            "  --java=PATH     also runs N1, B1 and B2's clients on these JVMs (a java binary each), side by side",
            "  -h, --help      this text");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "all" : args[0];
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "emulator":
                EmulatorMain.run(rest);
                break;
            case "scale-worker":
                ScaleWorker.main(rest);
                break;
            case "overhead-worker":
                OverheadWorker.main(rest);
                break;
            case "store-worker":
                StoreWorker.main(rest);
                break;
            case "falclient-worker":
                FalClientWorker.main(rest);
                break;
            default:
                String java = Arrays.stream(rest).filter(a -> a.startsWith("--java=")).map(a -> a.substring(7))
                        .findFirst().orElse("");
                Suite suite;
                try {   // arguments are checked before anything runs; a failure later keeps its stack trace
                    Suite.sections(command);
                    suite = new Suite(Arrays.asList(rest).contains("--quick"), Jvm.withCurrent(java));
                } catch (IllegalArgumentException badArguments) {
                    System.err.println("videogen4j-bench: " + badArguments.getMessage() + "\n\n" + USAGE);
                    System.exit(2);
                    return;
                }
                suite.run(command);
        }
        System.exit(0);   // child processes: do not wait for pool threads to time out
    }
}
