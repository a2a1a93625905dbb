package dev.videogen4j.testkit.engine;

import dev.videogen4j.CancelOutcome;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.JobId;
import dev.videogen4j.JobStatus;
import dev.videogen4j.TextToVideoRequest;
import dev.videogen4j.VideoRequest;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ImageToVideo;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.ModelCapabilities;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderConfig;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.ProviderFailure;
import dev.videogen4j.spi.ProviderOutput;
import dev.videogen4j.spi.SubmitContext;
import dev.videogen4j.spi.SubmitReceipt;
import dev.videogen4j.spi.TextToVideo;
import dev.videogen4j.spi.VideoProvider;
import dev.videogen4j.spi.VideoProviderFactory;
import dev.videogen4j.testkit.FakeVideoProvider;
import dev.videogen4j.testkit.FakeVideoProviderFactory;
import java.io.IOException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link FakeVideoProvider} as a vendor with time and trouble, for testing core's engine once rather than
 * through every adapter: jobs queue and run on the test's clock, the vendor can be down, and each call can meet
 * one of the transient {@link Trouble faults} an HTTP adapter turns into exceptions — scripted or at a rate.
 * It counts what a vendor would: calls, jobs created, second jobs for the same submission, refused resends, and
 * jobs billed (a job cancelled before it started is not). De-duplication and cancel support are switches.
 */
final class FlakyFake implements VideoProvider, TextToVideo, ImageToVideo {
    private final FakeVideoProvider fake = new FakeVideoProvider();
    private final Clock clock;
    private final Duration queue;
    private final Duration run;
    private final boolean deduplicates;
    private final boolean cancels;
    private final Random random = new Random(42L);
    private final Map<Operation, Long> calls = new EnumMap<>(Operation.class);
    private final Map<String, Instant> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> contents = new ConcurrentHashMap<>();
    private final Set<String> cancelledBeforeStart = ConcurrentHashMap.newKeySet();
    private final Map<Trouble, Long> injected = new EnumMap<>(Trouble.class);
    private final java.util.ArrayDeque<Object[]> scripted = new java.util.ArrayDeque<>();
    private Set<Operation> rateScope = Set.of();
    private List<Trouble> rateFaults = List.of();
    private double ratePerFault;
    private Instant downUntil = Instant.MIN;
    private Duration retryAfter = Duration.ofSeconds(1);
    private long duplicates;
    private long refusedResends;

    FlakyFake(Clock clock, Duration queue, Duration run, boolean deduplicates, boolean cancels) {
        this.clock = clock;
        this.queue = queue;
        this.run = run;
        this.deduplicates = deduplicates;
        this.cancels = cancels;
    }

    VideoProviderFactory factory() {
        VideoProvider self = this;
        return new FakeVideoProviderFactory() {
            @Override
            public VideoProvider create(ProviderConfig config) {
                return self;
            }
        };
    }

    /** The {@code Retry-After} of every 429 from now on (1 s, the emulator's default, until set). */
    synchronized void retryAfter(Duration wait) {
        retryAfter = wait;
    }

    synchronized void down(Duration length) {
        downUntil = clock.instant().plus(length);
    }

    synchronized void next(Trouble trouble, Operation call) {
        scripted.add(new Object[] {trouble, call});
    }

    /** Each of {@code faults} hits a share {@code each} of the calls in {@code scope}, drawn from a seeded random. */
    synchronized void rate(List<Trouble> faults, double each, Set<Operation> scope) {
        rateFaults = List.copyOf(faults);
        ratePerFault = each;
        rateScope = Set.copyOf(scope);
    }

    synchronized long calls(Operation op) {
        return calls.getOrDefault(op, 0L);
    }

    synchronized long injected(Trouble t) {
        return injected.getOrDefault(t, 0L);
    }

    synchronized long injected() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    long jobsCreated() {
        return accepted.size() + duplicates();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long refusedResends() {
        return refusedResends;
    }

    long billed() {
        return jobsCreated() - cancelledBeforeStart.size();
    }

    @Override
    public String id() {
        return FakeVideoProvider.ID;
    }

    @Override
    public List<ModelCapabilities> models() {
        return fake.models();
    }

    @Override
    public boolean deduplicatesSubmits() {
        return deduplicates;
    }

    @Override
    public boolean supportsCancel() {
        return cancels;
    }

    @Override
    public SubmitReceipt submit(TextToVideoRequest request, SubmitContext context) {
        return submit(request, context, () -> fake.submit(request, context));
    }

    @Override
    public SubmitReceipt submit(ImageToVideoRequest request, SubmitContext context) {
        return submit(request, context, () -> fake.submit(request, context));
    }

    private SubmitReceipt submit(VideoRequest request, SubmitContext context, Supplier<SubmitReceipt> create) {
        Trouble t = trouble(Operation.SUBMIT);
        if (t != null && !t.processed) throw t.exception(Operation.SUBMIT, retryAfter);
        return accept(request, context, create.get(), t);
    }

    // A second job is a resend under the same id at a vendor that does not de-duplicate, or the same content under
    // a new id (a client that makes a new id per attempt), as the emulator counts them.
    private SubmitReceipt accept(VideoRequest request, SubmitContext context, SubmitReceipt receipt, Trouble t) {
        String first = contents.putIfAbsent(request.prompt(), context.submissionId());
        synchronized (this) {
            if (accepted.putIfAbsent(context.submissionId(), clock.instant()) != null) {
                if (deduplicates) refusedResends++;
                else duplicates++;
            } else if (first != null) {
                duplicates++;
            }
        }
        if (t != null) throw t.exception(Operation.SUBMIT, retryAfter);
        return receipt;
    }

    @Override
    public JobUpdate poll(JobId id) {
        Trouble t = trouble(Operation.POLL);
        if (t != null && !t.processed) throw t.exception(Operation.POLL, retryAfter);
        Instant at = accepted.get(id.nativeJobId());
        JobUpdate u = at == null || cancelledBeforeStart.contains(id.nativeJobId()) ? fake.poll(id)
                : clock.instant().isBefore(at.plus(queue)) ? JobUpdate.of(JobStatus.queued(null))
                : clock.instant().isBefore(at.plus(queue).plus(run)) ? JobUpdate.of(JobStatus.running(null))
                : fake.poll(id);
        if (t != null) throw t.exception(Operation.POLL, retryAfter);
        return u;
    }

    @Override
    public ProviderOutput result(JobId id) {
        Trouble t = trouble(Operation.RESULT);
        if (t != null) throw t.exception(Operation.RESULT, retryAfter);
        return fake.result(id);
    }

    @Override
    public CancelOutcome cancel(JobId id) {
        Trouble t = trouble(Operation.CANCEL);
        if (t != null) throw t.exception(Operation.CANCEL, retryAfter);
        if (!cancels) return CancelOutcome.NOT_SUPPORTED;
        Instant at = accepted.get(id.nativeJobId());
        if (at != null && clock.instant().isAfter(at.plus(queue).plus(run))) return CancelOutcome.ALREADY_COMPLETED;
        CancelOutcome o = fake.cancel(id);
        if (o == CancelOutcome.CANCELLATION_REQUESTED && at != null && clock.instant().isBefore(at.plus(queue))) {
            cancelledBeforeStart.add(id.nativeJobId());
        }
        return o;
    }

    // Counts the call, then decides its fate: the outage first, then a scripted fault, then the rate.
    private synchronized Trouble trouble(Operation op) {
        calls.merge(op, 1L, Long::sum);
        if (clock.instant().isBefore(downUntil)) return Trouble.DOWN;
        Trouble t = null;
        Object[] head = scripted.peek();
        if (head != null && head[1] == op) {
            scripted.poll();
            t = (Trouble) head[0];
        } else if (rateScope.contains(op) && !rateFaults.isEmpty()) {
            int slot = (int) (random.nextDouble() / ratePerFault);
            t = slot < rateFaults.size() ? rateFaults.get(slot) : null;
        }
        if (t != null) injected.merge(t, 1L, Long::sum);
        return t;
    }

    /**
     * What an HTTP adapter makes of each transient fault the emulator can inject, and whether the vendor acted
     * on the call before it (the emulator's {@code Fault.processesRequest()}).
     */
    enum Trouble {
        HTTP_429(false), HTTP_500(false), HTTP_502(false), HTTP_503(false), HTTP_504(false),
        RESET_BEFORE_REQUEST(false), RESET_AFTER_REQUEST(true), MALFORMED_JSON(true), TRUNCATED_JSON(true),
        HTML_ERROR_PAGE(false), DOWN(false);

        final boolean processed;

        Trouble(boolean processed) {
            this.processed = processed;
        }

        VideoGenException exception(Operation op, Duration retryAfter) {
            String id = FakeVideoProvider.ID;
            switch (this) {
                case HTTP_429:
                    return ProviderErrors.fromHttp(ProviderFailure.builder(id, op, 429).retryAfter(retryAfter).build());
                case HTTP_500: case HTTP_502: case HTTP_503: case HTTP_504:
                    return ProviderErrors.fromHttp(ProviderFailure.builder(id, op, Integer.parseInt(name().substring(5))).build());
                case DOWN:
                    return ProviderErrors.fromHttp(ProviderFailure.builder(id, op, 503).message("provider down").build());
                case RESET_BEFORE_REQUEST: case RESET_AFTER_REQUEST:
                    return ProviderErrors.fromIo(id, op, new SocketException("Connection reset"), true);
                case HTML_ERROR_PAGE:
                    return ProviderErrors.unparseable(id, op, 502, null, new IOException("<html> gateway page"));
                default:
                    return ProviderErrors.unparseable(id, op, 200, null, new IOException("malformed JSON"));
            }
        }
    }
}
