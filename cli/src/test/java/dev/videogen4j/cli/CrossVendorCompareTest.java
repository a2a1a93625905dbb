package dev.videogen4j.cli;

import static dev.videogen4j.cli.TwoVendors.FAL_STD;
import static dev.videogen4j.cli.TwoVendors.RUNWARE_STD;
import static dev.videogen4j.cli.TwoVendors.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Comparison;
import dev.videogen4j.Cost;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code client.compare} on both real adapters against one emulator: one row per vendor, every column filled. */
class CrossVendorCompareTest {
    private final TwoVendors rig = new TwoVendors(b -> b
            .timing(RUNWARE_STD, Duration.ofSeconds(2), Duration.ofSeconds(5))
            .timing(FAL_STD, Duration.ofSeconds(3), Duration.ofSeconds(4)));

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void rowsForBothVendorsWithPriceAndLatency() {
        Comparison c = rig.complete(rig.client("fallback:runware,fal")
                .compareAsync(request("kling-2.5-turbo-standard"), List.of(), Duration.ofMinutes(10)));

        assertEquals(List.of("runware", "fal"), c.rows().stream().map(Comparison.Row::providerId).collect(Collectors.toList()));
        Comparison.Row runware = c.rows().get(0);
        Comparison.Row fal = c.rows().get(1);
        assertEquals(RUNWARE_STD, runware.model());
        assertEquals(FAL_STD, fal.model());
        for (Comparison.Row row : c.rows()) {
            assertEquals("kling-2.5-turbo-standard", row.family());
            assertEquals("succeeded", row.outcome());
            assertEquals(0, new BigDecimal("0.21").compareTo(row.quotedPrice()), row.providerId());
            assertNotNull(row.videoUrl());
            assertNotNull(row.jobId());
            assertEquals(row.total(), row.queue().plus(row.run()), row.providerId());
        }
        assertEquals(Cost.reported(new BigDecimal("0.21")), runware.cost(), "Runware reports its cost");
        assertEquals(Cost.estimated(new BigDecimal("0.21")), fal.cost(), "fal does not: estimated from the price");
        // Runware says "processing" from the start, so its queue time is what the first poll sees (1 s);
        // fal reports IN_QUEUE, so its queue time is the emulator's 3 s. Total = queue + run, to one poll.
        assertEquals(Duration.ofSeconds(1), runware.queue());
        assertEquals(Duration.ofSeconds(7), runware.total());
        assertEquals(Duration.ofSeconds(3), fal.queue());
        assertEquals(Duration.ofSeconds(7), fal.total());
        assertEquals(1, rig.emulator.stats().billableJobs("runware"));
        assertEquals(1, rig.emulator.stats().billableJobs("fal"));
        assertTrue(c.fastest().isPresent());
    }

    @Test
    void aRowThatFailsDoesNotFailTheComparison() {
        rig.emulator.providerDown("fal", Duration.ofHours(1));
        Comparison c = rig.complete(rig.client("fallback:runware,fal")
                .compareAsync(request("kling-2.5-turbo-standard"), List.of(), Duration.ofMinutes(10)));

        assertEquals("succeeded", c.rows().get(0).outcome());
        assertTrue(c.rows().get(1).outcome().startsWith("failed: fal submit failed: HTTP 503"), c.rows().get(1).outcome());
        assertEquals(Cost.unknown(), c.rows().get(1).cost());
        assertEquals("runware", c.cheapest().orElseThrow().providerId());
    }
}
