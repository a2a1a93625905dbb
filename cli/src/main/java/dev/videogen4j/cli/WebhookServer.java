package dev.videogen4j.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.runware.RunwareWebhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The worker's webhook endpoints: {@code POST /hooks/fal}, verified against fal's signing keys (ED25519, JWKS), and
 * {@code POST /hooks/runware?token=SECRET}, whose secret is compared in constant time (Runware does not sign). A
 * verified notice is handed to the client, which completes the job in the shared store whichever instance submitted
 * it. Anything unverified is answered 401 and changes nothing.
 *
 * <pre>{@code
 * try (WebhookServer hooks = WebhookServer.start(client, "0.0.0.0", 8080, falWebhooks, token)) { ... }
 * }</pre>
 */
final class WebhookServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "videogen4j-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final VideoClient client;
    private final FalWebhooks fal;
    private final String runwareToken;

    private WebhookServer(HttpServer server, VideoClient client, FalWebhooks fal, String runwareToken) {
        this.server = server;
        this.client = client;
        this.fal = fal;
        this.runwareToken = runwareToken;
        server.createContext("/hooks/fal", this::fal);
        server.createContext("/hooks/runware", this::runware);
        server.setExecutor(threads);
        server.start();
    }

    /** Listens on {@code host:port} (port 0: a free one); {@code runwareToken} null refuses every Runware notice. */
    static WebhookServer start(VideoClient client, String host, int port, FalWebhooks fal, String runwareToken) {
        try {
            return new WebhookServer(HttpServer.create(new InetSocketAddress(host, port), 256), client, fal, runwareToken);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for webhooks on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void fal(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            x.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            try {
                fal.verify(body, headers);
            } catch (RuntimeException unverified) {
                x.sendResponseHeaders(401, -1);
                return;
            }
            // The URL carries the submission id: it names a job whose submit answer never came.
            client.onWebhook(FalWebhooks.parse(body).withSubmissionFrom(x.getRequestURI().toString()));
            x.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            x.sendResponseHeaders(500, -1);
        }
    }

    private void runware(HttpExchange x) throws IOException {
        try (x) {
            if (!RunwareWebhooks.tokenMatches(runwareToken, query(x.getRequestURI(), "token"))) {
                x.sendResponseHeaders(401, -1);
                return;
            }
            RunwareWebhooks.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(client::onWebhook);
            x.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            x.sendResponseHeaders(500, -1);
        }
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
