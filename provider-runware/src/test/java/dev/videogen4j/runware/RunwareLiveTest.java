package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One real image-to-video round trip through the whole client, on the cheapest documented model (klingai:6@0,
 * 5 s, about $0.21). Runs only with {@code -Dgroups=live} and {@code RUNWARE_API_KEY} set. The client's own
 * scheduler does the waiting (the vendor takes minutes), so the test itself never sleeps.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "RUNWARE_API_KEY", matches = ".+")
class RunwareLiveTest {
    // An input image from Runware's own worked example (seed 000), public on their asset CDN.
    private static final String IMAGE = "https://assets.runware.ai/assets/inputs/d6acdec0-ddc0-4169-890b-24edbec423e2.jpg";

    @Test
    void imageToVideoRoundTrip() {
        try (VideoClient client = VideoClient.builder().provider("runware")
                .apiKey("runware", System.getenv("RUNWARE_API_KEY")).build()) {
            VideoResult r = client.generate(ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                    .prompt("A slow cinematic forward glide, silk streamers rippling in warm desert wind")
                    .durationSeconds(5).cfgScale(0.5).image(ImageInput.url(IMAGE)).build(), Duration.ofMinutes(10));

            assertEquals("klingai:6@0", r.model());
            assertTrue(r.video().url().startsWith("https://"), r.video().url());
            assertEquals(Cost.Source.REPORTED, r.cost().source(), "includeCost is always sent");
            assertTrue(r.cost().amount().orElseThrow().compareTo(BigDecimal.ZERO) > 0);
        }
    }
}
