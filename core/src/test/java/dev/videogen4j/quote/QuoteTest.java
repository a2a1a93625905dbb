package dev.videogen4j.quote;

import static dev.videogen4j.testing.Futures.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.Cost;
import dev.videogen4j.Quote;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.testing.Requests;
import dev.videogen4j.testing.ScriptedProvider;
import dev.videogen4j.testing.TestClients;
import dev.videogen4j.testing.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Prices before paying, and what a finished job says it cost. */
class QuoteTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.start());
    private final ScriptedProvider acme = ScriptedProvider.of("acme", scheduler.clock());
    private final ScriptedProvider zeta = ScriptedProvider.of("zeta", scheduler.clock());
    private final VideoClient client = TestClients.virtual(scheduler, acme, zeta).build();

    private static Quote.Line line(String provider, String model, String family, String perSecond, int seconds, String source) {
        return new Quote.Line(provider, model, family, perSecond == null ? null : new BigDecimal(perSecond), seconds, source);
    }

    @Test
    void aQuoteListsEveryEligibleProviderWithPricePerSecondTimesDuration() {
        Quote q = client.quote(Requests.t2v().toBuilder().durationSeconds(10).build());

        assertEquals(List.of(
                line("acme", "acme-kling-2.5", "kling-2.5-turbo", "0.07", 10, "https://acme.example/pricing"),
                line("zeta", "zeta-kling-v2.5-turbo", "kling-2.5-turbo", "0.05", 10, "https://zeta.example/pricing")),
                q.lines());
        assertEquals(new BigDecimal("0.70"), q.lines().get(0).price().orElseThrow());
        assertEquals(new BigDecimal("0.50"), q.lines().get(1).price().orElseThrow());
        assertEquals("zeta", q.cheapest().orElseThrow().providerId());
    }

    @Test
    void withoutADurationTheModelsDefaultIsBilled() {
        Quote q = client.quote(Requests.t2v());
        assertEquals(5, q.lines().get(0).seconds());
        assertEquals(new BigDecimal("0.35"), q.lines().get(0).price().orElseThrow());
    }

    @Test
    void aLinePrintsReadablyAsTheQuickStartShowsIt() {
        Quote q = client.quote(Requests.t2v());
        assertEquals("acme acme-kling-2.5: $0.35 (5 s x $0.07/s)", q.lines().get(0).toString());
        assertEquals("zeta m: price unknown (not documented)",
                new Quote.Line("zeta", "m", "f", null, 5, "not documented").toString());
    }

    @Test
    void everyResultIsBilled() {
        Quote q = client.quote(Requests.t2v().toBuilder().durationSeconds(10).numberResults(2).build());
        assertEquals(List.of(line("acme", "acme-kling-2.5", "kling-2.5-turbo", "0.07", 20, "https://acme.example/pricing")),
                q.lines(), "zeta makes one result per request, so it is not eligible");
        assertEquals(new BigDecimal("1.40"), q.lines().get(0).price().orElseThrow());
    }

    @Test
    void aResolutionWithItsOwnPriceUsesIt() {
        Quote fullHd = client.quote(Requests.t2v().toBuilder().size(1920, 1080).build());
        assertEquals(new BigDecimal("0.5"), fullHd.lines().get(0).price().orElseThrow());

        Quote hd = client.quote(Requests.t2v().toBuilder().size(1280, 720).build());
        assertEquals(new BigDecimal("0.35"), hd.lines().get(0).price().orElseThrow());

        Quote byRatio = client.quote(Requests.t2v().toBuilder().aspectRatio("16:9").build());
        assertEquals(List.of(new BigDecimal("0.35"), new BigDecimal("0.25")),
                byRatio.lines().stream().map(l -> l.price().orElseThrow()).toList());
    }

    @Test
    void anUndocumentedPriceIsEmptyWithItsReasonNeverInvented() {
        Quote q = client.quote(Requests.i2v().toBuilder().model("seedance-1-lite").build());

        assertEquals(List.of(line("acme", "acme-seedance-lite", "seedance-1-lite", null, 5, "Acme does not publish this price")),
                q.lines());
        assertEquals(Optional.empty(), q.lines().get(0).price());
        assertEquals(Optional.empty(), q.cheapest());
    }

    @Test
    void cheapestIgnoresUnknownPrices() {
        Quote q = new Quote(List.of(line("a", "m1", "f", null, 5, "unknown"), line("b", "m2", "f", "0.2", 5, "x"),
                line("c", "m3", "f", "0.1", 5, "y")));
        assertEquals("c", q.cheapest().orElseThrow().providerId());
    }

    private VideoResult generate(VideoRequest request) {
        CompletableFuture<VideoResult> f = client.generateAsync(request, Duration.ofMinutes(10));
        scheduler.runUntilDone(f, Duration.ofMinutes(1));
        return value(f);
    }

    @Test
    void aCostTheProviderReportsIsReported() {
        acme.answerPoll(ScriptedProvider.succeededWith("https://cdn.example/v.mp4", new BigDecimal("0.3312")));
        Cost cost = generate(Requests.t2v()).cost();
        assertEquals(Cost.reported(new BigDecimal("0.3312")), cost);
        assertEquals(Cost.Source.REPORTED, cost.source());
    }

    @Test
    void withoutAReportedCostTheTableEstimatesItForTheResolutionDurationAndResults() {
        Cost cost = generate(Requests.t2v().toBuilder().size(1920, 1080).durationSeconds(10).numberResults(2).build()).cost();
        assertEquals(Cost.estimated(new BigDecimal("2.0")), cost);
        assertEquals("$2 (estimated)", cost.toString());
    }

    @Test
    void anUndocumentedPriceMakesAnUnknownCost() {
        Cost cost = generate(Requests.i2v().toBuilder().model("seedance-1-lite").build()).cost();
        assertEquals(Cost.unknown(), cost);
        assertEquals(Optional.empty(), cost.amount());
        assertEquals("unknown", cost.toString());
    }

    @Test
    void costsCompareByValueNotScale() {
        assertEquals(Cost.reported(new BigDecimal("0.20")), Cost.reported(new BigDecimal("0.2")));
        assertEquals(Cost.reported(new BigDecimal("0.20")).hashCode(), Cost.reported(new BigDecimal("0.2")).hashCode());
        assertTrue(!Cost.reported(BigDecimal.ONE).equals(Cost.estimated(BigDecimal.ONE)));
    }
}
