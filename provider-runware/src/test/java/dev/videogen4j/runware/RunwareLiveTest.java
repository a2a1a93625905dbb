package dev.videogen4j.runware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobState;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One real image-to-video round trip through the SPI, on the cheapest documented model (klingai:6@0, 5 s, about
 * $0.21). Runs only with {@code -Dgroups=live} and {@code RUNWARE_API_KEY} set; it waits for real, which is why it is
 * excluded from the normal build.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "RUNWARE_API_KEY", matches = ".+")
class RunwareLiveTest {
    // An input image from Runware's own worked example (seed 000), public on their asset CDN.
    private static final String IMAGE = "https://assets.runware.ai/assets/inputs/d6acdec0-ddc0-4169-890b-24edbec423e2.jpg";

    @Test
    void imageToVideoRoundTrip() throws Exception {
        ProviderConfig config = ProviderConfig.of("runware", System.getenv("RUNWARE_API_KEY"), null);
        try (RunwareProvider provider = (RunwareProvider) new RunwareProviderFactory().create(config)) {
            ModelCapabilities model = Fixtures.model(provider, "kling-2.5-turbo-standard");
            SubmitReceipt receipt = provider.submit(ImageToVideoRequest.builder().model(model.id())
                    .prompt("A slow cinematic forward glide, silk streamers rippling in warm desert wind")
                    .durationSeconds(5).cfgScale(0.5).image(ImageInput.url(IMAGE)).build(),
                    new SubmitContext(model, UUID.randomUUID().toString()));

            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            JobUpdate update = provider.poll(receipt.jobId());
            while (update.status().state() != JobState.SUCCEEDED && update.status().state() != JobState.FAILED
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(5_000);
                update = provider.poll(receipt.jobId());
            }

            assertEquals(JobState.SUCCEEDED, update.status().state(), update.status().toString());
            assertFalse(update.output().videos().isEmpty());
            assertTrue(update.output().videos().get(0).url().startsWith("https://"));
            assertTrue(update.output().reportedCost().compareTo(BigDecimal.ZERO) > 0, "includeCost is always sent");
        }
    }
}
