package dev.videogen4j.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Saves a generated video to a file. Written to a temporary sibling first, so an interrupted download never
 * leaves a truncated file under the requested name.
 *
 * <pre>{@code
 * long bytes = Downloads.save(result.video().url(), Path.of("out.mp4"));
 * }</pre>
 */
final class Downloads {
    private Downloads() {
    }

    static long save(String url, Path file) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".videogen4j-", ".part");
        try {
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (r.statusCode() / 100 != 2) {
                throw new IOException("download of " + url + " failed: HTTP " + r.statusCode());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
