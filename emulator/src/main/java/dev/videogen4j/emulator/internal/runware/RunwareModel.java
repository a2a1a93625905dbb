package dev.videogen4j.emulator.internal.runware;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What one Kling model on Runware accepts, as the seed documents state it.
 *
 * @param air the AIR id, e.g. {@code klingai:6@0}
 * @param textToVideo false for image-to-video-only models (frame images required)
 * @param dimensions allowed {@code WIDTHxHEIGHT} values; empty = width/height must not be sent
 * @param lastFrame whether a last frame image is supported in addition to the first
 * @param fps the model's fixed frame rate
 * @param documentedPricePerSecond USD per second from the model page, or null if undocumented
 * @param rules the newer families' page rules (durations, size rules, providerSettings, prices); null for Kling
 * @param fields the top-level task fields the model's page lists; any other known field is
 *     answered {@code unsupportedParameter} (see RunwareTaskFields)
 * @param inputs the keys under {@code inputs} the model takes
 */
public record RunwareModel(String air, boolean textToVideo, List<String> dimensions,
        boolean lastFrame, int fps, BigDecimal documentedPricePerSecond, RunwareRules rules, Set<String> fields,
        Set<String> inputs) {

    public RunwareModel {
        dimensions = List.copyOf(dimensions);
        fields = Set.copyOf(fields);
        inputs = Set.copyOf(inputs);
        if (!RunwareTaskFields.KNOWN.containsAll(fields) || !RunwareTaskFields.KNOWN_INPUTS.containsAll(inputs)) {
            throw new IllegalArgumentException(air + ": a model can only take fields Runware defines");
        }
    }

    public boolean takesDimensions() {
        return !dimensions.isEmpty();
    }

    /** How many frame images the model takes: the first, plus the last where supported. */
    public int maxFrameImages() {
        return lastFrame ? 2 : 1;
    }
}
