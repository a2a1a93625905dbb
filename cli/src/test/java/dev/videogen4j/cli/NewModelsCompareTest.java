package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code videogen4j compare} runs each newer family that both vendors offer on the built-in emulator: one row per
 * vendor, each with its quote (unknown where the vendor publishes no price), its cost and its timings.
 */
class NewModelsCompareTest {
    private final CliRun cli = new CliRun();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "veo-3.1-fast, google:3@3, fal-ai/veo3.1/fast, 16:9",
            "kling-3.0-standard, klingai:kling-video@3-standard, fal-ai/kling-video/v3/standard/text-to-video, 16:9",
            "kling-3.0-pro, klingai:kling-video@3-pro, fal-ai/kling-video/v3/pro/text-to-video, 16:9",
            "seedance-1.5-pro, bytedance:seedance@1.5-pro, fal-ai/bytedance/seedance/v1.5/pro/text-to-video, 16:9",
            "hailuo-2.3, minimax:4@1, fal-ai/minimax/hailuo-2.3/standard/text-to-video, ''",
    })
    @SuppressWarnings("unchecked")
    void compareRunsTheFamilyOnBothVendorsOfTheEmulator(String family, String runware, String fal, String aspect) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--model", family, "--prompt", "A lighthouse at dusk",
                "--json"));
        if (!aspect.isEmpty()) args.addAll(List.of("--aspect-ratio", aspect));
        assertEquals(0, cli.run(args.toArray(String[]::new)), cli.err() + cli.out());

        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(cli.out());
        assertEquals(List.of("runware", "fal"), rows.stream().map(r -> r.get("provider")).toList(), cli.out());
        assertEquals(List.of(runware, fal), rows.stream().map(r -> r.get("model")).toList());
        for (Map<String, Object> row : rows) {
            assertEquals("succeeded", row.get("outcome"), row.toString());
            assertTrue(((java.math.BigDecimal) row.get("totalMillis")).intValue() > 0, row.toString());
        }
        assertTrue(rows.get(0).get("quotedPrice") != null || runware.equals("google:3@3"), rows.get(0).toString());
        assertEquals("reported", rows.get(0).get("costSource"), "Runware reports the cost of every task");
    }

}
