package dev.videogen4j.testkit;

import dev.videogen4j.JobStatus;
import dev.videogen4j.error.VideoGenException;
import dev.videogen4j.spi.ErrorKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What {@link FakeVideoProvider} does with the next job: succeed (after some polls, with a video URL and a
 * cost), fail at the provider, get cancelled, or refuse the submit with an exception.
 *
 * <pre>{@code
 * fake.enqueue(FakeOutcome.succeed().afterPolls(2).videoUrl("https://cdn.example/v.mp4").cost("0.21"));
 * fake.enqueue(FakeOutcome.fail("timeoutProvider", "The provider did not respond"));
 * fake.enqueue(FakeOutcome.rejectSubmit(new RateLimitedException(details, Duration.ofSeconds(1))));
 * }</pre>
 */
public final class FakeOutcome {
    final int pollsBeforeDone;
    final JobStatus terminal;
    final String videoUrl;
    final BigDecimal cost;
    final VideoGenException submitError;

    private FakeOutcome(int pollsBeforeDone, JobStatus terminal, String videoUrl, BigDecimal cost,
                        VideoGenException submitError) {
        this.pollsBeforeDone = pollsBeforeDone;
        this.terminal = terminal;
        this.videoUrl = videoUrl;
        this.cost = cost;
        this.submitError = submitError;
    }

    /** Succeeds on the first poll with a made-up video URL and no reported cost. */
    public static FakeOutcome succeed() {
        return new FakeOutcome(0, JobStatus.succeeded(), null, null, null);
    }

    /** Ends FAILED with this provider code and reason, classified {@link ErrorKind#OTHER} (the provider's doing). */
    public static FakeOutcome fail(String code, String reason) {
        return fail(ErrorKind.OTHER, code, reason);
    }

    /** Ends FAILED with this classification, provider code and reason. */
    public static FakeOutcome fail(ErrorKind kind, String code, String reason) {
        return new FakeOutcome(0, JobStatus.failed(kind, code, reason), null, null, null);
    }

    /** Ends CANCELLED. */
    public static FakeOutcome cancelled() {
        return new FakeOutcome(0, JobStatus.cancelled(), null, null, null);
    }

    /** The submit throws {@code error} (build it with {@code ProviderErrors} to get realistic flags). */
    public static FakeOutcome rejectSubmit(VideoGenException error) {
        return new FakeOutcome(0, null, null, null, Objects.requireNonNull(error, "error == null"));
    }

    /** Reports RUNNING for {@code polls} polls before the outcome. */
    public FakeOutcome afterPolls(int polls) {
        if (polls < 0) throw new IllegalArgumentException("polls < 0: " + polls);
        return new FakeOutcome(polls, terminal, videoUrl, cost, submitError);
    }

    public FakeOutcome videoUrl(String url) {
        return new FakeOutcome(pollsBeforeDone, terminal, Objects.requireNonNull(url, "url == null"), cost, submitError);
    }

    /** A cost the fake reports, in USD, e.g. {@code "0.21"}. */
    public FakeOutcome cost(String usd) {
        return new FakeOutcome(pollsBeforeDone, terminal, videoUrl, new BigDecimal(usd), submitError);
    }
}
