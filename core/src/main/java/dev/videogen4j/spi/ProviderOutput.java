package dev.videogen4j.spi;

import dev.videogen4j.GeneratedVideo;
import java.math.BigDecimal;
import java.util.List;

/**
 * The output of a finished job as the provider reported it.
 *
 * <pre>{@code
 * return new ProviderOutput(List.of(new GeneratedVideo(url, uuid, "video/mp4", null, seed)), new BigDecimal("0.21"));
 * }</pre>
 *
 * @param videos       the videos, de-duplicated
 * @param reportedCost the cost the provider reported for the whole job (USD), or {@code null}
 */
public record ProviderOutput(List<GeneratedVideo> videos, BigDecimal reportedCost) {
    public ProviderOutput {
        videos = List.copyOf(videos);
    }
}
