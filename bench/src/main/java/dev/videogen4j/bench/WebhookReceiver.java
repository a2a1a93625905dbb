package dev.videogen4j.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.runware.RunwareWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The application's webhook endpoint, as small as it gets: the JDK's HTTP server on one thread, each delivery
 * parsed by the adapter (fal's verified against the emulator's signing key) and handed to
 * {@link VideoClient#onWebhook}.
 *
 * <pre>{@code
 * try (WebhookReceiver hooks = WebhookReceiver.start("fal", emulatorBase)) {
 *     hooks.deliverTo(client);
 *     client.submit(request.toBuilder().webhookUrl(hooks.url()).build());
 * }
 * }</pre>
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String provider;
    private final FalWebhooks fal;
    private volatile VideoClient client;

    private WebhookReceiver(HttpServer server, String provider, FalWebhooks fal) {
        this.server = server;
        this.provider = provider;
        this.fal = fal;
    }

    static WebhookReceiver start(String provider, String emulatorBase) throws IOException {
        FalWebhooks fal = provider.equals("fal") ? FalWebhooks.builder().jwks(fetch(emulatorBase + "/.well-known/jwks.json")).build()
                : null;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        WebhookReceiver r = new WebhookReceiver(server, provider, fal);
        server.createContext("/hooks", r::handle);
        server.setExecutor(null);   // deliveries are handled on the server's own (single) thread
        server.start();
        return r;
    }

    void deliverTo(VideoClient client) {
        this.client = client;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            if (provider.equals("fal")) {
                Map<String, String> headers = new HashMap<>();
                x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                client.onWebhook(fal.verifyAndParse(body, headers));
            } else {
                RunwareWebhooks.parse(new String(body, StandardCharsets.UTF_8)).forEach(client::onWebhook);
            }
            x.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            x.sendResponseHeaders(500, -1);
        }
    }

    private static String fetch(String url) throws IOException {
        try (InputStream in = new URL(url).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emulator's JWKS at " + url, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
