package dev.videogen4j.jobs.jdbc.instances;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.videogen4j.VideoClient;
import dev.videogen4j.fal.FalWebhooks;
import dev.videogen4j.runware.RunwareWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/** The instance's webhook endpoints, as an application would write them: verify, parse, hand to the client. */
final class HookServer implements AutoCloseable {
    private final HttpServer server;
    private final FalWebhooks fal;
    private final VideoClient client;

    HookServer(VideoClient client, String emulatorBase) throws IOException {
        this.client = client;
        try (InputStream jwks = URI.create(emulatorBase + "/.well-known/jwks.json").toURL().openStream()) {
            this.fal = FalWebhooks.builder().jwks(new String(jwks.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/hooks/fal", this::fal);
        server.createContext("/hooks/runware", this::runware);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void fal(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            x.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            client.onWebhook(fal.verifyAndParse(body, headers).withSubmissionFrom(x.getRequestURI().toString()));
            x.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            x.sendResponseHeaders(500, -1);
        }
    }

    private void runware(HttpExchange x) throws IOException {
        try (x) {
            RunwareWebhooks.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .forEach(client::onWebhook);
            x.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            x.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
