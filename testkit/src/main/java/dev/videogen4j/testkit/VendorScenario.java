package dev.videogen4j.testkit;

import dev.videogen4j.VideoRequest;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.Operation;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A plugin's own test server, as the provider contract drives it: a stand-in for the vendor on a loopback port
 * that keeps jobs on the {@link ScenarioSettings#clock() clock it is given} and can be told to misbehave the way
 * the real vendor does. A plugin author implements this over whatever server they test with (MockWebServer with
 * a dispatcher, a small JDK {@code HttpServer}, a vendor sandbox stub) and returns it from
 * {@link VideoProviderContractTest#startVendor}; the contract then checks the adapter against it.
 *
 * <p>Every job the server accepts waits in its queue for {@link ScenarioSettings#queue()}, runs for
 * {@link ScenarioSettings#run()} and then succeeds with a video the server also serves for download, unless a
 * scenario below says otherwise. Job state is computed from the clock on every request, so the contract moves
 * jobs along by advancing the clock, never by sleeping.
 *
 * <pre>{@code
 * final class AcmeTestServer implements VendorScenario {
 *     AcmeTestServer(ScenarioSettings s) { ... start a MockWebServer whose dispatcher reads s.clock() ... }
 *     public String baseUrl() { return server.url("/v1").toString(); }
 *     public String apiKey() { return "acme-test-key"; }
 *     public VideoRequest failingJob(VideoRequest valid) { failNext = true; return valid; }
 *     public void rateLimitNext(Operation call, Duration retryAfter) { faults.add(call, 429, retryAfter); }
 *     // ... requests(), httpRequests(), jobsAccepted(), jobsBilled(), outage(), malformedAnswerNext(), dropAfterProcessingNext()
 * }
 * }</pre>
 */
public interface VendorScenario extends AutoCloseable {

    /** The base URL the adapter is configured with ({@code ProviderConfig.baseUrl()}). */
    String baseUrl();

    /** An API key the server accepts. Any other key is refused the way the vendor refuses a wrong key. */
    String apiKey();

    /**
     * Requests for {@code call} that reached the server, whatever it answered (served, refused or faulted); a
     * vendor that takes several calls in one HTTP request (Runware's task arrays) may count each call.
     */
    long requests(Operation call);

    /** Every HTTP request that reached the server, for any call (a batch of polls in one request counts once). */
    long httpRequests();

    /** Jobs the server created: accepted submits, counted once each, including those whose answer a fault hid. */
    long jobsAccepted();

    /** Jobs the vendor charges for, by the vendor's own rule (at acceptance, or once a job starts running). */
    long jobsBilled();

    /**
     * A request the server accepts and whose job then fails while running, with a reason the vendor gives.
     * Return {@code valid} itself when the server is told instead ("the next job fails"), or a changed request
     * when the vendor's sandbox fails jobs by their content (a magic prompt).
     */
    VideoRequest failingJob(VideoRequest valid);

    /**
     * A request the server refuses at submit with the vendor's error of {@code kind}, creating no job: one of
     * {@link #refusals()}. Return {@code valid} itself when the server is told instead, or a changed request.
     */
    VideoRequest refusedAtSubmit(ErrorKind kind, VideoRequest valid);

    /**
     * The refusals {@link #refusedAtSubmit} can produce; the contract tests each of them and no other. The
     * default is every refusal a vendor's answer can mean: invalid request, content policy, insufficient credits.
     */
    default Set<ErrorKind> refusals() {
        return EnumSet.of(ErrorKind.INVALID_REQUEST, ErrorKind.CONTENT_POLICY, ErrorKind.INSUFFICIENT_CREDITS);
    }

    /**
     * The next request for {@code call} gets the vendor's rate-limit answer, asking the client to wait
     * {@code retryAfter}; the server does nothing else with it.
     */
    void rateLimitNext(Operation call, Duration retryAfter);

    /**
     * The vendor is down for {@code length} of clock time from now: every request gets its "unavailable" answer
     * (a 503 or what the vendor sends instead) and nothing is processed. Jobs already accepted keep their times.
     */
    void outage(Duration length);

    /**
     * The next request for {@code call} is processed (a submit creates its job) but its answer cannot be read:
     * a garbled or cut-off body where the vendor's JSON should be.
     */
    void malformedAnswerNext(Operation call);

    /** The next request for {@code call} is processed (a submit creates its job), then the connection drops. */
    void dropAfterProcessingNext(Operation call);

    /**
     * POSTs every webhook due by the clock (a job that ended, whose request named a webhook URL) to that URL, in
     * the vendor's format and with its signature headers, and returns how many it sent. Only called when the
     * contract's {@link VideoProviderContractTest#supportsWebhooks()} hook is on.
     */
    default int deliverWebhooks() {
        throw new UnsupportedOperationException("this test server sends no webhooks");
    }

    /** Stops the server. */
    @Override
    void close();
}
