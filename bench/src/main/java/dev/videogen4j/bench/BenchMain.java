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
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "all" : args[0];
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
                new Suite(Arrays.asList(rest).contains("--quick"), Jvm.withCurrent(java)).run(command);
        }
        System.exit(0);   // child processes: do not wait for pool threads to time out
    }
}
