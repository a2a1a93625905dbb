package dev.videogen4j.emulator.internal.runware;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Runware model page adds to the Kling rules for the newer families: its durations, the sizes of each
 * resolution class, how frame images and a size combine, which {@code providerSettings} keys it takes, which
 * durations a size allows, and its price. Transcribed in {@link RunwareNewModels} from each model page.
 *
 * <pre>{@code
 * new RunwareRules(List.of(8), Map.of("1080p", List.of("1920x1080")), SizeRule.FRAMES_XOR_SIZE,
 *         Map.of("google", Set.of("generateAudio")), Map.of(), Map.of("1080p", new BigDecimal("0.10")), Map.of());
 * }</pre>
 *
 * @param durations      the durations in seconds (the first is the default)
 * @param sizes          resolution class to its {@code WIDTHxHEIGHT} sizes, as the page's table labels them, in the
 *                       page's order: the first class is the one a task with neither a size nor a resolution is
 *                       billed at (no page states a default; the emulator takes the first row, as the catalog's quote
 *                       takes its first resolution)
 * @param sizeRule       how {@code inputs.frameImages}, width/height and {@code resolution} may combine
 * @param providerSettings vendor key under {@code providerSettings} to the setting names it takes
 * @param durationsBySize a size that allows fewer durations than the model (Hailuo 2.3: 1920x1080 takes 6 only)
 * @param perSecond      price per second by resolution class ({@code "1080p"}) and with audio ({@code "1080p+audio"})
 * @param perVideo       price per video by {@code "<class>/<seconds>s"}
 */
public record RunwareRules(List<Integer> durations, Map<String, List<String>> sizes, SizeRule sizeRule,
        Map<String, Set<String>> providerSettings, Map<String, List<Integer>> durationsBySize,
        Map<String, BigDecimal> perSecond, Map<String, BigDecimal> perVideo) {

    /** How frame images, width/height and resolution combine on the model's page. */
    public enum SizeRule {
        /** "Provide exactly one of: inputs.frameImages or width/height" (Veo 3.1 Fast, Kling 3.0). */
        FRAMES_XOR_SIZE,
        /** "Either provide inputs.frameImages, or specify width/height or resolution" (Seedance 1.5 Pro, Wan 2.6). */
        FRAMES_OR_SIZE_OR_RESOLUTION,
        /** width/height optional (Hailuo 2.3). */
        OPTIONAL
    }

    public RunwareRules {
        durations = List.copyOf(durations);
        sizes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sizes));
        providerSettings = Map.copyOf(providerSettings);
        durationsBySize = Map.copyOf(durationsBySize);
        perSecond = Map.copyOf(perSecond);
        perVideo = Map.copyOf(perVideo);
    }

    /** Resolution classes in the order given: {@code classes("720p", List.of("1280x720"), "1080p", List.of(...))}. */
    @SuppressWarnings("unchecked")
    public static Map<String, List<String>> classes(Object... classAndSizes) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < classAndSizes.length; i += 2) {
            out.put((String) classAndSizes[i], (List<String>) classAndSizes[i + 1]);
        }
        return out;
    }

    /** Every size of every class. */
    public List<String> allSizes() {
        return sizes.values().stream().flatMap(List::stream).toList();
    }

    /** The resolution class of a size, or null. */
    public String classOf(String size) {
        return sizes.entrySet().stream().filter(e -> e.getValue().contains(size)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** The price of one video, or null when the page states none for this combination. */
    public BigDecimal price(String resolution, boolean audio, int seconds) {
        BigDecimal video = perVideo.get(resolution + "/" + seconds + "s");
        if (video != null) return video;
        BigDecimal rate = audio && perSecond.containsKey(resolution + "+audio") ? perSecond.get(resolution + "+audio")
                : perSecond.get(resolution);
        return rate == null ? null : rate.multiply(BigDecimal.valueOf(seconds));
    }
}
