package dev.videogen4j.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.error.InvalidRequestException;
import dev.videogen4j.error.Violation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 defects 11 and 12: the request records hold their invariants in their constructors, so the public
 * constructor checks what the builder checks; a lone UTF-16 surrogate (which the JSON writer turned into '?') is
 * refused before anything is sent.
 */
class RequestInvariantsTest {
    private static List<String> fields(InvalidRequestException e) {
        return e.violations().stream().map(Violation::field).collect(Collectors.toList());
    }

    @Test
    void thePublicConstructorChecksWhatTheBuilderChecks() {
        InvalidRequestException t2v = assertThrows(InvalidRequestException.class, () -> new TextToVideoRequest(null, null,
                null, -5, null, null, null, Double.NaN, null, 0, null, null, null, null, "ftp://x", Map.of()));
        assertEquals(List.of("model", "durationSeconds", "numberResults", "cfgScale", "webhookUrl", "prompt"), fields(t2v));
        InvalidRequestException i2v = assertThrows(InvalidRequestException.class, () -> new ImageToVideoRequest(" ", "p",
                null, null, null, 640, null, null, null, null, null, null, null, null, null, null, null, null));
        assertEquals(List.of("model", "height", "image"), fields(i2v));
    }

    @Test
    void aLoneSurrogateInAPromptIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> TextToVideoRequest.builder().model("kling-2.5-turbo-standard").prompt("a cat \uD83D here").build());
        assertEquals(List.of("prompt"), fields(e));
        assertEquals("a \uD83D\uDE00 cat", TextToVideoRequest.builder().model("m").prompt("a \uD83D\uDE00 cat").build().prompt());
        assertThrows(InvalidRequestException.class, () -> TextToVideoRequest.builder().model("m").prompt("p")
                .negativePrompt("\uDE00").build());
    }
}
