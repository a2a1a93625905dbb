package dev.videogen4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String IMAGE = "https://example.com/first.jpg";
    private final CliRun cli = new CliRun();

    @Test
    void tableHasBothVendorsWithPriceAndLatency() {
        assertEquals(0, cli.run("compare", "--model", "kling-2.5-turbo-standard", "--prompt", "A lighthouse at dusk",
                "--image", IMAGE));

        List<String> lines = cli.out().lines().toList();
        assertEquals("provider  model                                                  family                    quoted  cost"
                + "             queue  run   total  outcome    video", lines.get(0));
        assertEquals(3, lines.size(), cli.out());
        String[] runware = lines.get(1).split("\\s{2,}");
        String[] fal = lines.get(2).split("\\s{2,}");
        assertEquals(List.of("runware", "klingai:6@0", "kling-2.5-turbo-standard", "$0.21", "$0.21 reported"),
                List.of(runware).subList(0, 5));
        assertEquals(List.of("fal", TwoVendors.FAL_STD, "kling-2.5-turbo-standard", "$0.21", "$0.21 estimated"),
                List.of(fal).subList(0, 5));
        for (String[] row : List.of(runware, fal)) {
            assertTrue(row[5].matches("\\d+\\.\\ds") && row[6].matches("\\d+\\.\\ds") && row[7].matches("\\d+\\.\\ds"),
                    String.join("|", row));
            assertEquals("succeeded", row[8]);
            assertTrue(row[9].matches("http://127\\.0\\.0\\.1:\\d+/videos/.+\\.mp4"), row[9]);
        }
        assertTrue(cli.err().startsWith("Using the built-in emulator"), cli.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheSameRowsWithMillisecondTimings() {
        assertEquals(0, cli.run("compare", "--prompt", "A lighthouse at dusk", "--image", IMAGE, "--json"));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(cli.out());
        assertEquals(2, rows.size());
        assertEquals(List.of("provider", "model", "family", "quotedPrice", "cost", "costSource", "queueMillis", "runMillis",
                "totalMillis", "outcome", "videoUrl", "jobId"), List.copyOf(rows.get(0).keySet()));
        assertEquals("runware", rows.get(0).get("provider"));
        assertEquals("fal", rows.get(1).get("provider"));
        for (Map<String, Object> row : rows) {
            assertEquals(0, new BigDecimal("0.21").compareTo((BigDecimal) row.get("quotedPrice")));
            assertEquals("succeeded", row.get("outcome"));
            BigDecimal queue = (BigDecimal) row.get("queueMillis");
            BigDecimal run = (BigDecimal) row.get("runMillis");
            assertEquals(queue.add(run), row.get("totalMillis"));
            assertTrue(run.intValue() >= 2000, row.toString());
        }
        assertEquals("reported", rows.get(0).get("costSource"));
        assertEquals("estimated", rows.get(1).get("costSource"));
    }

    @Test
    void onlyTheChosenProviders() {
        assertEquals(0, cli.run("compare", "--provider", "fal", "--prompt", "A lighthouse at dusk", "--image", IMAGE));
        assertEquals(2, cli.out().lines().count());
        assertTrue(cli.out().lines().skip(1).findFirst().orElseThrow().startsWith("fal "), cli.out());
    }

    @Test
    void exitsWith1WhenNoRowSucceeded() {
        assertEquals(1, cli.run("compare", "--prompt", "Doomed [emulator:fail]", "--image", IMAGE));
        List<String> lines = cli.out().lines().toList();
        assertEquals(3, lines.size(), cli.out());
        assertTrue(lines.get(1).contains("  failed: Job vg1:runware:"), lines.get(1));
        assertTrue(lines.get(2).contains("  failed: Job vg1:fal:"), lines.get(2));
    }
}
