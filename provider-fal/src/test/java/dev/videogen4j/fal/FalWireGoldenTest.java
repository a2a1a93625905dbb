package dev.videogen4j.fal;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.testkit.WireGolden;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Every bundled model's input, byte for byte, for a minimal and a full request per workflow: the proof that moving
 * the mapping into catalog data changed nothing on the wire ({@code -Dvideogen4j.golden.write=true} rewrites it).
 */
class FalWireGoldenTest {
    @Test
    void everyBundledModelSendsTheGoldenBytes() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            FalProvider provider = FalFixtures.provider(server);
            WireGolden.verify(Path.of("src/test/resources/dev/videogen4j/fal/wire-golden.txt"), provider.models(),
                    (request, model) -> {
                        HttpPreview p = provider.preview(request, new SubmitContext(model, "0b7e5d0c-3a55-4c7e-9a51-6f0f3f3f0e11"));
                        return p.method() + " " + p.url().replace(server.url("/").toString(), "/") + " " + p.body();
                    });
            provider.close();
        }
    }
}
