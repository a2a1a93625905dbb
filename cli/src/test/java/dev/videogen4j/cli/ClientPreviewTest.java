package dev.videogen4j.cli;

import static dev.videogen4j.cli.TwoVendors.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.VideoClient;
import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.testkit.FakeVideoProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code VideoClient.preview}: the request the routing policy's first choice would get, validated, never sent. */
class ClientPreviewTest {
    private final TwoVendors rig = new TwoVendors(b -> b);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void previewsTheProviderTheRoutingPolicyWouldTryFirst() {
        HttpPreview p = rig.client("cheapest:fal,runware").preview(request("kling-2.1-standard"));

        assertEquals("runware", p.providerId());
        assertEquals(TwoVendors.RUNWARE_21, p.model());
        assertEquals("POST", p.method());
        assertEquals(rig.emulator.runwareBaseUrl(), p.url());
        assertEquals("Bearer ****", p.headers().get("Authorization"));
        assertTrue(p.body().contains("\"model\":\"klingai:5@1\""), p.body());
        assertEquals(0, rig.emulator.stats().httpRequests("runware") + rig.emulator.stats().httpRequests("fal"));
    }

    @Test
    void anInvalidRequestFailsAsASubmitWould() {
        VideoClient client = rig.client("single:fal");
        assertThrows(InvalidRequestException.class,
                () -> client.preview(request("kling-2.5-turbo-standard").toBuilder().durationSeconds(7).build()));
    }

    @Test
    void aProviderThatCannotPreviewSaysSo() {
        FakeVideoProvider fake = new FakeVideoProvider();
        try (VideoClient client = VideoClient.builder().environment(java.util.Map.of())
                .providerFactory(fake.factory()).provider("fake").build()) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> client.preview(request("kling-2.5-turbo-standard")));
            assertEquals("Provider fake cannot preview its requests", e.getMessage());
        }
    }
}
