package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Runware models added on 2026-12-02 as the emulator plays them from its own transcription: Veo 3.1 and Kling
 * VIDEO 2.6 Pro (provider text), Seedance 2.0 (Runware's one worked example), Hailuo 2.3 Fast (its model page).
 * Each refuses what its text does not allow; an unpriced model bills the emulator's placeholder rate, as Runware
 * always reports some cost.
 */
class LaterRunwareModelsTest extends EmulatorTestBase {
    private void succeeds(Map<String, Object> task) throws Exception {
        task.put("includeCost", true);
        TestHttp.Result ack = runware(task);
        assertEquals(200, ack.code(), ack.body());
        advance(600);
        Map<?, ?> item = (Map<?, ?>) runware(poll(task.get("taskUUID"))).at("data", 0);
        assertEquals("success", item.get("status"), item.toString());
        assertEquals(0, new BigDecimal("0.05").multiply(new BigDecimal(task.get("duration").toString()))
                .compareTo(new BigDecimal(item.get("cost").toString())), "placeholder rate: no price is documented");
    }

    @Test
    void veo31TakesEightSecondsItsFourSizesAndGenerateAudioButNoSeed() throws Exception {
        succeeds(t2vTask("google:3@2", "duration", 8, "width", 1280, "height", 720,
                "providerSettings", Map.of("google", Map.of("generateAudio", true))));
        succeeds(videoTask("model", "google:3@2", "duration", 8, "width", 1280, "height", 720, "inputs", Map.of(
                "frameImages", List.of(Map.of("image", IMAGE, "frame", "first"), Map.of("image", IMAGE, "frame", "last")))));
        assertEquals(List.of("unsupportedDuration"), errorCodes(t2vTask("google:3@2", "duration", 6, "width", 1280, "height", 720)));
        assertEquals(List.of("unsupportedDimensions"), errorCodes(t2vTask("google:3@2", "duration", 8, "width", 960, "height", 960)));
        assertEquals(List.of("unsupportedParameter"), errorCodes(t2vTask("google:3@2", "duration", 8, "width", 1280, "height", 720,
                "seed", 7)));
    }

    @Test
    void kling26ProTakesFiveOrTenSecondsAt1080pWithSoundAndNegativePrompt() throws Exception {
        succeeds(t2vTask("klingai:kling-video@2.6-pro", "duration", 10, "width", 1920, "height", 1080,
                "negativePrompt", "blur", "CFGScale", 0.5, "providerSettings", Map.of("klingai", Map.of("sound", true))));
        succeeds(videoTask("model", "klingai:kling-video@2.6-pro", "duration", 5,
                "providerSettings", Map.of("klingai", Map.of("sound", true))));
        assertEquals(List.of("unsupportedDuration"), errorCodes(t2vTask("klingai:kling-video@2.6-pro", "duration", 8,
                "width", 1920, "height", 1080)));
        assertEquals(List.of("unsupportedDimensions"), errorCodes(t2vTask("klingai:kling-video@2.6-pro", "duration", 5,
                "width", 1280, "height", 720)));
        assertEquals(List.of("unsupportedParameter"), errorCodes(t2vTask("klingai:kling-video@2.6-pro", "duration", 5,
                "width", 1920, "height", 1080, "providerSettings", Map.of("klingai", Map.of("generateAudio", true)))));
    }

    @Test
    void seedance20TakesOnlyWhatRunwaresExampleShows() throws Exception {
        succeeds(t2vTask("bytedance:seedance@2.0", "duration", 5, "width", 1280, "height", 720));
        assertEquals(List.of("unsupportedDuration"), errorCodes(t2vTask("bytedance:seedance@2.0", "duration", 10, "width", 1280,
                "height", 720)));
        assertEquals(List.of("unsupportedDimensions"), errorCodes(t2vTask("bytedance:seedance@2.0", "duration", 5, "width", 1920,
                "height", 1080)));
    }

    @Test
    void hailuo23FastIsImageToVideoOnlyAndTakesSixSecondsOnlyAt1080p() throws Exception {
        succeeds(videoTask("model", "minimax:4@2", "duration", 10, "width", 1366, "height", 768));
        succeeds(videoTask("model", "minimax:4@2", "duration", 6, "width", 1920, "height", 1080));
        assertEquals(List.of("unsupportedDuration"), errorCodes(videoTask("model", "minimax:4@2", "duration", 10,
                "width", 1920, "height", 1080)));
        TestHttp.Result noImage = runware(t2vTask("minimax:4@2", "duration", 6));
        assertEquals(400, noImage.code(), noImage.body());
    }
}
