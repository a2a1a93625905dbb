package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code videogen4j compare --emulator} runs each newer family on every vendor of the built-in emulator that offers
 * it: one row per vendor, each with its quote (unknown where the vendor publishes no price we could read), its cost
 * (Runware reports one; fal's is estimated from the quote, or unknown) and its timings. The six families of issue 18
 * (Veo 3.1, Seedance 2.0, Kling 2.6 and 3.0, Hailuo 2.3, Wan 2.6) all run on both vendors.
 */
class NewModelsCompareTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    /** Runware entries whose price no page we read states: their quote is unknown, their cost still reported. */
    private static final Set<String> UNPRICED = Set.of("google:3@2", "klingai:kling-video@2.6-pro", "bytedance:seedance@2.0",
            "minimax:4@2");

    private final CliRun cli = new CliRun();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "veo-3.1          | google:3@2                     | fal-ai/veo3.1                                      | --aspect-ratio 16:9 --duration 8",
            "veo-3.1-fast     | google:3@3                     | fal-ai/veo3.1/fast                                 | --aspect-ratio 16:9",
            "seedance-2.0     | bytedance:seedance@2.0         | bytedance/seedance-2.0/text-to-video               | --aspect-ratio 16:9 --duration 5",
            "seedance-1.5-pro | bytedance:seedance@1.5-pro     | fal-ai/bytedance/seedance/v1.5/pro/text-to-video   | --aspect-ratio 16:9",
            "kling-2.6-pro    | klingai:kling-video@2.6-pro    | fal-ai/kling-video/v2.6/pro/text-to-video          | --aspect-ratio 16:9 --duration 5",
            "kling-3.0-standard | klingai:kling-video@3-standard | fal-ai/kling-video/v3/standard/text-to-video     | --aspect-ratio 16:9",
            "kling-3.0-pro    | klingai:kling-video@3-pro      | fal-ai/kling-video/v3/pro/text-to-video            | --aspect-ratio 16:9",
            "hailuo-2.3       | minimax:4@1                    | fal-ai/minimax/hailuo-2.3/standard/text-to-video   | ''",
            "hailuo-2.3-fast  | minimax:4@2                    | fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video | --image " + IMAGE + " --duration 6",
            "wan-2.6          | alibaba:wan@2.6                | wan/v2.6/text-to-video                             | --aspect-ratio 16:9 --duration 5",
    })
    @SuppressWarnings("unchecked")
    void compareRunsTheFamilyOnEveryVendorOfTheEmulatorThatOffersIt(String family, String runware, String fal, String options) {
        List<String> args = new ArrayList<>(List.of("compare", "--emulator", "--model", family, "--prompt", "A lighthouse at dusk",
                "--json"));
        if (!options.isEmpty()) args.addAll(Arrays.asList(options.split(" ")));
        assertEquals(0, cli.run(args.toArray(String[]::new)), cli.err() + cli.out());

        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(cli.out());
        List<String> models = fal.isEmpty() ? List.of(runware) : List.of(runware, fal);
        assertEquals(fal.isEmpty() ? List.of("runware") : List.of("runware", "fal"),
                rows.stream().map(r -> r.get("provider")).toList(), cli.out());
        assertEquals(models, rows.stream().map(r -> r.get("model")).toList());
        for (Map<String, Object> row : rows) {
            assertEquals(family, row.get("family"));
            assertEquals("succeeded", row.get("outcome"), row.toString());
            assertTrue(((BigDecimal) row.get("queueMillis")).intValue() > 0, row.toString());
            assertTrue(((BigDecimal) row.get("runMillis")).intValue() > 0, row.toString());
            assertTrue(((BigDecimal) row.get("totalMillis")).intValue() > 0, row.toString());
        }
        Map<String, Object> rw = rows.get(0);
        assertEquals(UNPRICED.contains(runware) || runware.equals("google:3@3"), rw.get("quotedPrice") == null, rw.toString());
        assertEquals("reported", rw.get("costSource"), "Runware reports the cost of every task");
        assertTrue(((BigDecimal) rw.get("cost")).signum() > 0, rw.toString());
        if (rw.get("quotedPrice") != null) {
            assertTrue(((BigDecimal) rw.get("cost")).compareTo((BigDecimal) rw.get("quotedPrice")) <= 0,
                    "the quote is what Runware bills at most (the dearer price where the audio default is unknown); " + rw);
        }
        if (!fal.isEmpty()) {
            Map<String, Object> f = rows.get(1);
            assertEquals(f.get("quotedPrice") == null ? "unknown" : "estimated", f.get("costSource"),
                    "fal reports no cost: estimated from a known quote, else unknown; " + f);
        }
    }
}
