package dev.videogen4j.bench;

import dev.videogen4j.VideoClient;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import java.util.Map;

/**
 * B5's second instance: a client on the shared PostgreSQL store, configured as instance A (batched or not), that
 * submits nothing and takes its share of the polls, until its standard input closes.
 *
 * <pre>{@code
 * java -jar videogen4j-bench.jar store-worker store=jdbc:postgresql://... emulator=http://127.0.0.1:8089 provider=runware \
 *     batched=true
 * }</pre>
 */
final class StoreWorker {
    private StoreWorker() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        try (JdbcJobStore store = store(a.get("store"), "B");
             VideoClient client = Clients.builder(a.get("provider"), a.get("emulator"), null,
                     Boolean.parseBoolean(a.get("batched")))
                     .jobStore(store).build()) {
            System.out.println("READY " + client.providers());
            while (System.in.read() >= 0) {
                // polls run on the store's scheduler threads
            }
        }
    }

    /** The instance's store: polls checked every 200 ms, 10 threads, as the library's defaults otherwise. */
    static JdbcJobStore store(String url, String instance) {
        return JdbcJobStore.builder(url, null, null).instanceId(instance)
                .checkInterval(java.time.Duration.ofMillis(200)).build();
    }
}
