package dev.videogen4j.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoResult;
import dev.videogen4j.testing.MutableClock;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import dev.videogen4j.testkit.FakeOutcome;
import dev.videogen4j.testkit.FakeVideoProvider;
import dev.videogen4j.testing.VirtualScheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A whole client on virtual time, observed through Micrometer's test registry and a simple meter registry. */
class MicrometerVideoObserverTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final FakeVideoProvider fake = new FakeVideoProvider();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final TextToVideoRequest request = TextToVideoRequest.builder().model("kling-1.0-standard")
            .prompt("A red fox runs through fresh snow").durationSeconds(5).build();

    private VideoClient client(Map<String, String> env) {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return VideoClient.builder().environment(env).clock(clock).scheduler(scheduler).callExecutor(Runnable::run)
                .providerFactory(fake.factory()).provider("fake")
                .pollInterval(Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2))
                .observer(new MicrometerVideoObserver(observations, meters))
                .build();
    }

    private <T> CompletableFuture<T> run(CompletableFuture<T> f) {
        scheduler.runUntil(f::isDone, Duration.ofMinutes(5));
        return f;
    }

    @Test
    void aSucceededJobIsObservedTimedAndItsQuoteAndActualCostCounted() {
        fake.enqueue(FakeOutcome.succeed().afterPolls(2).cost("0.21"));
        VideoClient client = client(Map.of());

        CompletableFuture<VideoResult> f = client.generateAsync(request, Duration.ofMinutes(1));
        scheduler.runDue();
        assertEquals(1.0, meters.get(VideoMetricNames.JOBS_IN_FLIGHT).tag("gen_ai.provider.name", "fake").gauge().value());
        VideoResult r = run(f).join();

        assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(VideoMetricNames.JOB, 1)
                .hasObservationWithNameEqualTo(VideoMetricNames.JOB).that()
                .hasContextualNameEqualTo("generate_content fake:kling-1.0-standard")
                .hasLowCardinalityKeyValue("gen_ai.operation.name", "generate_content")
                .hasLowCardinalityKeyValue("gen_ai.provider.name", "fake")
                .hasLowCardinalityKeyValue("gen_ai.request.model", "fake:kling-1.0-standard")
                .hasLowCardinalityKeyValue("videogen4j.model.family", "kling-1.0-standard")
                .hasLowCardinalityKeyValue("videogen4j.workflow", "t2v")
                .hasLowCardinalityKeyValue("videogen4j.outcome", "succeeded")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("videogen4j.job.id", r.jobId().toString())
                .doesNotHaveHighCardinalityKeyValueWithKey("videogen4j.outcome")
                .hasBeenStarted().hasBeenStopped().doesNotHaveError();
        // submit, three polls (running, running, succeeded with the video): no separate result call
        assertThat(observations).hasNumberOfObservationsWithNameEqualTo(VideoMetricNames.PROVIDER_CALL, 4)
                .hasObservationWithNameEqualTo(VideoMetricNames.PROVIDER_CALL).that()
                .hasContextualNameEqualTo("submit fake")
                .hasLowCardinalityKeyValue("videogen4j.operation", "submit")
                .hasLowCardinalityKeyValue("videogen4j.outcome", "succeeded")
                .hasHighCardinalityKeyValue("videogen4j.attempt", "1");
        assertEquals(0.05, cost("quoted", "price_table"), 1e-9);
        assertEquals(0.21, cost("actual", "reported"), 1e-9);
        assertNull(meters.find(VideoMetricNames.COST_UNKNOWN).counter());
        assertEquals(2.0, seconds(VideoMetricNames.JOB_QUEUE));    // queued until the first poll saw RUNNING
        assertEquals(4.0, seconds(VideoMetricNames.JOB_RUN));
        assertEquals(6.0, meters.get(VideoMetricNames.JOB_TOTAL).tag("videogen4j.outcome", "succeeded").timer()
                .totalTime(TimeUnit.SECONDS));
        assertEquals(3, meters.get(VideoMetricNames.PROVIDER_CALL).tag("videogen4j.operation", "poll").timer().count());
        assertEquals(0.0, meters.get(VideoMetricNames.JOBS_IN_FLIGHT).gauge().value());
    }

    @Test
    void aJobTheProviderFailedHasNoActualCostButIsCountedAsUnknown() {
        fake.enqueue(FakeOutcome.fail("timeoutProvider", "The provider did not respond"));
        VideoClient client = client(Map.of());

        run(client.generateAsync(request, Duration.ofMinutes(1)));

        assertThat(observations).hasObservationWithNameEqualTo(VideoMetricNames.JOB).that()
                .hasLowCardinalityKeyValue("videogen4j.outcome", "failed")
                .hasLowCardinalityKeyValue("error.type", "failed").hasError();
        assertEquals(0.05, cost("quoted", "price_table"), 1e-9);
        assertNull(meters.find(VideoMetricNames.COST).tag("videogen4j.cost.kind", "actual").counter());
        assertEquals(1.0, meters.get(VideoMetricNames.COST_UNKNOWN).tag("videogen4j.cost.kind", "actual").counter().count());
    }

    @Test
    void aRefusedSubmitCostsNothingAndAnOpenCircuitShowsInItsGauge() {
        VideoGenException down = ProviderErrors.fromHttp(ProviderFailure.builder("fake", Operation.SUBMIT, 503).build());
        fake.enqueue(FakeOutcome.rejectSubmit(down));
        VideoClient client = client(Map.of("VIDEOGEN4J_RETRY_MAX_ATTEMPTS", "1", "VIDEOGEN4J_CIRCUIT_WINDOW", "1",
                "VIDEOGEN4J_CIRCUIT_MIN_CALLS", "1"));

        assertTrue(run(client.submitAsync(request)).isCompletedExceptionally());
        assertTrue(run(client.submitAsync(request)).isCompletedExceptionally());

        assertThat(observations).hasNumberOfObservationsWithNameEqualTo(VideoMetricNames.JOB, 2)
                .forAllObservationsWithNameEqualTo(VideoMetricNames.JOB, job -> job
                        .hasLowCardinalityKeyValue("videogen4j.outcome", "not_submitted")
                        .hasLowCardinalityKeyValue("error.type", "unavailable"));
        assertEquals(1.0, meters.get(VideoMetricNames.PROVIDER_CALL).tag("videogen4j.outcome", "refused")
                .tag("error.type", "unavailable").timer().count());
        assertNull(meters.find(VideoMetricNames.COST).counter());
        assertNull(meters.find(VideoMetricNames.COST_UNKNOWN).counter());
        assertEquals(1.0, circuit("open"));
        assertEquals(0.0, circuit("closed"));
    }

    private double cost(String kind, String source) {
        return meters.get(VideoMetricNames.COST).tag("videogen4j.cost.kind", kind).tag("videogen4j.cost.source", source)
                .counter().count();
    }

    private double seconds(String timer) {
        return meters.get(timer).timer().totalTime(TimeUnit.SECONDS);
    }

    private double circuit(String state) {
        return meters.get(VideoMetricNames.CIRCUIT_STATE).tag("gen_ai.provider.name", "fake")
                .tag("videogen4j.circuit.state", state).gauge().value();
    }
}
