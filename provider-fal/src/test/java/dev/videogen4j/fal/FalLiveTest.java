package dev.videogen4j.fal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobState;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitReceipt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * One real image-to-video round trip against fal through the SPI: the cheapest Kling endpoint (2.5 Turbo
 * Standard, 5 s, about $0.21), seed 003's example image. Runs only with {@code -Dgroups=live} and FAL_KEY set.
 * It is the one test that waits for real: a real job takes minutes.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "FAL_KEY", matches = ".+")
class FalLiveTest {

    @Test
    void imageToVideoRoundTrip() throws Exception {
        ProviderConfig config = ProviderConfig.of("fal", System.getenv("FAL_KEY"), System.getenv("VIDEOGEN4J_FAL_BASE_URL"));
        try (FalProvider fal = (FalProvider) new FalProviderFactory().create(config)) {
            SubmitReceipt receipt = fal.submit(ImageToVideoRequest.builder().model("kling-2.5-turbo-standard")
                    .prompt("A playful cat's eyes light up as it chases a dancing red dot")
                    .image(ImageInput.url(FalFixtures.SEED_IMAGE)).durationSeconds(5).build(),
                    FalFixtures.context(FalFixtures.STD_I2V));
            assertEquals("fal", receipt.jobId().provider());

            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            JobUpdate update = fal.poll(receipt.jobId());
            while (!update.status().state().isTerminal() && Instant.now().isBefore(deadline)) {
                Thread.sleep(5_000);
                update = fal.poll(receipt.jobId());
            }
            assertEquals(JobState.SUCCEEDED, update.status().state(), update.status().toString());

            ProviderOutput out = fal.result(receipt.jobId());
            assertEquals(1, out.videos().size());
            assertTrue(out.videos().get(0).url().startsWith("https://"), out.videos().get(0).url());
            assertFalse(out.toString().contains(System.getenv("FAL_KEY")));
        }
    }
}
