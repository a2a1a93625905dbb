package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One real image-to-video round trip against fal through the whole client: the cheapest Kling endpoint (2.5 Turbo
 * Standard, 5 s, about $0.21), seed 003's example image. Runs only with {@code -Dgroups=live} and FAL_KEY set.
 * The client's own scheduler does the waiting (a real job takes minutes), so the test itself never sleeps.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "FAL_KEY", matches = ".+")
class FalLiveTest {

    @Test
    void imageToVideoRoundTrip() {
        try (VideoClient client = VideoClient.builder().fromEnvironment().provider("fal")
                .apiKey("fal", System.getenv("FAL_KEY")).build()) {
            VideoResult r = client.generate(ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                    .prompt("A playful cat's eyes light up as it chases a dancing red dot")
                    .image(ImageInput.url(FalFixtures.SEED_IMAGE)).durationSeconds(5).build(), Duration.ofMinutes(15));

            assertEquals("fal-ai/kling-video/v2.5-turbo/standard/image-to-video", r.model());
            assertEquals(1, r.videos().size());
            assertTrue(r.video().url().startsWith("https://"), r.video().url());
            assertFalse(r.toString().contains(System.getenv("FAL_KEY")));
        }
    }
}
