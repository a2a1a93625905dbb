package dev.videogen4j.runware;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.testkit.WireGolden;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Every bundled model's task, byte for byte, for a minimal and a full request per workflow: the proof that moving
 * the mapping into catalog data changed nothing on the wire ({@code -Dvideogen4j.golden.write=true} rewrites it).
 */
class RunwareWireGoldenTest {
    @Test
    void everyBundledModelSendsTheGoldenBytes() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            RunwareProvider provider = Fixtures.provider(server);
            WireGolden.verify(Path.of("src/test/resources/dev/videogen4j/runware/wire-golden.txt"), provider.models(),
                    (request, model) -> {
                        HttpPreview p = provider.preview(request, new SubmitContext(model, Fixtures.TASK));
                        return p.method() + " " + p.url().replace(server.url("/").toString(), "/") + " " + p.body();
                    });
            provider.close();
        }
    }
}
