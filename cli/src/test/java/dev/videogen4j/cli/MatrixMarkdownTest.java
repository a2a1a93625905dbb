package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.spi.ModelCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's renderings of the matrix: the README's Markdown table and compact JSON. */
class MatrixMarkdownTest {
    private static final String CATALOG = "{\"models\": ["
            + "{\"provider\": \"acme\", \"id\": \"acme-kling-2.5\", \"family\": \"kling-2.5-turbo\", \"workflows\": [\"t2v\", \"i2v\"],"
            + " \"durations\": [5, 10], \"dimensions\": [\"1280x720\", \"720x1280\", \"1920x1080\"], \"frameImages\": [\"first\", \"last\"],"
            + " \"pricing\": {\"perSecond\": 0.07, \"byResolution\": {\"1080p\": 0.1}, \"source\": \"https://acme.example/pricing\"}},"
            + "{\"provider\": \"acme\", \"id\": \"acme-seedance-lite\", \"family\": \"seedance-1-lite\", \"workflows\": [\"i2v\"],"
            + " \"durations\": [5], \"frameImages\": [\"first\"], \"pricing\": {\"unknown\": \"Acme does not publish this price\"}},"
            + "{\"provider\": \"zeta\", \"id\": \"zeta-kling-v2.5-turbo\", \"family\": \"kling-2.5-turbo\", \"workflows\": [\"t2v\", \"i2v\"],"
            + " \"durations\": [5, 10], \"aspectRatios\": [\"16:9\", \"9:16\", \"1:1\"], \"frameImages\": [\"first\"],"
            + " \"pricing\": {\"perSecond\": 0.05, \"source\": \"https://zeta.example/pricing\"}}]}";

    @Test
    void markdownIsTheReadmeTable() {
        assertEquals("| provider | model | family | workflows | durations (s) | sizes | resolutions | audio | frame images | USD"
                + " | source (checked) |\n|---|---|---|---|---|---|---|---|---|---|---|\n"
                + "| acme | `acme-kling-2.5` | kling-2.5-turbo | i2v, t2v | 5, 10 | 1280x720, 720x1280, 1920x1080 | - | none"
                + " | first+last | 0.07/s, 1080p 0.1/s (possibly stale: undated) | - |\n"
                + "| acme | `acme-seedance-lite` | seedance-1-lite | i2v | 5 | from image | - | none | first | unknown | - |\n"
                + "| zeta | `zeta-kling-v2.5-turbo` | kling-2.5-turbo | i2v, t2v | 5, 10 | 16:9, 9:16, 1:1 | - | none | first"
                + " | 0.05/s (possibly stale: undated) | - |\n",
                MatrixMarkdown.of(ModelCatalog.parse(CATALOG, "test"), LocalDate.parse("2026-12-01")));
    }

    @Test
    void jsonIsCompactKeepsNullsAndWritesPricesPlain() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("provider", "fal");
        row.put("usd", new BigDecimal("1E-7"));
        row.put("video", null);
        row.put("sizes", Arrays.asList(5, true, "say \"hi\"\n"));
        row.put("checked", LocalDate.parse("2026-12-01"));
        assertEquals("{\"provider\":\"fal\",\"usd\":0.0000001,\"video\":null,\"sizes\":[5,true,\"say \\\"hi\\\"\\n\"],"
                + "\"checked\":\"2026-12-01\"}", JsonText.of(row));
    }
}
