package dev.videogen4j.cli;

import dev.videogen4j.emulator.ProviderEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of the key the emulator signs fal webhooks with, read from its JWKS the way a receiver would find it,
 * so the {@code emulator} command can print what an app verifying webhooks offline should expect.
 *
 * <pre>{@code
 * String kid = EmulatorKeys.falKeyId(emu);   // "emulator-3f2a..."
 * }</pre>
 */
final class EmulatorKeys {
    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"");

    private EmulatorKeys() {
    }

    static String falKeyId(ProviderEmulator emu) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(emu.jwksUrl())).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
            Matcher m = KID.matcher(r.body());
            return m.find() ? m.group(1) : "(none in the JWKS)";
        } catch (IOException e) {
            return "(JWKS unreadable: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
