package dev.videogen4j.micrometer;

import static dev.videogen4j.micrometer.VideoMetricNames.ATTEMPT;
import static dev.videogen4j.micrometer.VideoMetricNames.CIRCUIT_STATE;
import static dev.videogen4j.micrometer.VideoMetricNames.ERROR_TYPE;
import static dev.videogen4j.micrometer.VideoMetricNames.JOBS_IN_FLIGHT;
import static dev.videogen4j.micrometer.VideoMetricNames.OPERATION;
import static dev.videogen4j.micrometer.VideoMetricNames.OUTCOME;
import static dev.videogen4j.micrometer.VideoMetricNames.PROVIDER;
import static dev.videogen4j.micrometer.VideoMetricNames.PROVIDER_CALL;
import static dev.videogen4j.micrometer.VideoMetricNames.STATE;

import dev.videogen4j.observation.CallObservation;
import dev.videogen4j.observation.CircuitState;
import dev.videogen4j.observation.JobObservation;
import dev.videogen4j.observation.JobStart;
import dev.videogen4j.observation.ProviderCall;
import dev.videogen4j.observation.VideoObserver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Micrometer observations and meters for a {@link dev.videogen4j.VideoClient}: an observation per job and per
 * provider call (traced when a tracing bridge is on the registry, timed when a meter handler is), timers of queue,
 * run and total time, a counter of money quoted and spent in USD, and gauges of jobs in flight and of each
 * provider's circuit breaker. Names and tags: {@link VideoMetricNames}. No Spring needed.
 *
 * <pre>{@code
 * MeterRegistry meters = new SimpleMeterRegistry();                 // or your Prometheus/OTLP registry
 * ObservationRegistry observations = ObservationRegistry.create();
 * observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
 * VideoClient client = VideoClient.builder()
 *         .fromEnvironment()
 *         .observer(new MicrometerVideoObserver(observations, meters))
 *         .build();
 * }</pre>
 *
 * <p>Only low-cardinality values become tags of meters (provider, model, family, operation, outcome, error type);
 * the job id and attempt number are high-cardinality keys of the observations, seen by tracing only.
 */
public final class MicrometerVideoObserver implements VideoObserver {
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<CircuitState>> circuits = new ConcurrentHashMap<>();

    /**
     * @param observations where observations go; {@link ObservationRegistry#NOOP} records none
     * @param meters       where the timers, the cost counter and the gauges go
     */
    public MicrometerVideoObserver(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = Objects.requireNonNull(observations, "observations == null");
        this.meters = Objects.requireNonNull(meters, "meters == null");
    }

    @Override
    public CallObservation callStarted(ProviderCall call) {
        circuit(call.providerId());
        Observation o = Observation.createNotStarted(PROVIDER_CALL, observations)
                .contextualName(call.operation().label() + " " + call.providerId())
                .lowCardinalityKeyValue(PROVIDER, call.providerId())
                .lowCardinalityKeyValue(OPERATION, call.operation().label())
                .highCardinalityKeyValue(ATTEMPT, Integer.toString(call.attempt()))
                .start();
        return end -> {
            o.lowCardinalityKeyValue(OUTCOME, lower(end.outcome()));
            o.lowCardinalityKeyValue(ERROR_TYPE, end.errorKind() == null ? "none" : lower(end.errorKind()));
            if (end.error() != null) o.error(end.error());
            o.stop();
        };
    }

    @Override
    public JobObservation jobStarted(JobStart job) {
        circuit(job.providerId());
        AtomicInteger running = inFlight.computeIfAbsent(job.providerId(), p -> {
            AtomicInteger n = new AtomicInteger();
            Gauge.builder(JOBS_IN_FLIGHT, n, AtomicInteger::get).tag(PROVIDER, p)
                    .description("videogen4j jobs started and not ended").register(meters);
            return n;
        });
        running.incrementAndGet();
        return new ObservedJob(job, observations, meters, running::decrementAndGet);
    }

    @Override
    public void circuitStateChanged(String provider, CircuitState from, CircuitState to) {
        circuit(provider).set(to);
    }

    /** A provider's circuit, with its gauges registered the first time the provider is seen. */
    private AtomicReference<CircuitState> circuit(String provider) {
        return circuits.computeIfAbsent(provider, p -> {
            AtomicReference<CircuitState> state = new AtomicReference<>(CircuitState.CLOSED);
            for (CircuitState s : CircuitState.values()) {
                Gauge.builder(CIRCUIT_STATE, state, st -> st.get() == s ? 1 : 0).tag(PROVIDER, p).tag(STATE, lower(s))
                        .description("1 for the provider's current circuit breaker state").register(meters);
            }
            return state;
        });
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
