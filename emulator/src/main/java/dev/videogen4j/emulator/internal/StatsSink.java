package dev.videogen4j.emulator.internal;

import dev.videogen4j.emulator.Fault;
import java.math.BigDecimal;

/** Where the emulator's handlers report what happened; implementations are thread-safe. */
public interface StatsSink {
    /** A request of {@code kind} arrived (counted before faults or outages can reject it). */
    void request(String kind);

    /** An HTTP request for {@code vendor} arrived. */
    void httpRequest(String vendor);

    /** The emulator acted on a request for {@code vendor} (no pre-processing fault, no outage). */
    void processed(String vendor);

    void faultInjected(Fault fault);

    void providerDownRejection(String vendor);

    /** A job was accepted (it may or may not become billable). */
    void jobSubmitted(String vendor);

    /** Job {@code jobId} (Runware taskUUID, fal request id) became billable. */
    void billable(String vendor, String model, String jobId, BigDecimal amount);

    /** A request about one existing job ({@code runware.getResponse}, {@code fal.status}, a submit, ...). */
    void jobRequest(String vendor, String jobId, String kind);

    /**
     * Job {@code jobId} was accepted and will finish at {@code endsAt} on the emulator clock, unless cancelled while
     * queued (fal: COMPLETED, whatever its outcome; Runware: its last result in).
     */
    void jobAccepted(String vendor, String jobId, java.time.Instant endsAt);

    /** The same request accepted again as a second job (what an idempotency key would have prevented). */
    void duplicateSubmission(String vendor);

    /** A resend the vendor refused because it already has the job (Runware's conflictTaskUUID): no second job. */
    void refusedResubmission(String vendor);

    /** One webhook POST finished; {@code delivered} = 2xx, {@code abandoned} = no retry follows. */
    void webhookAttempt(String vendor, boolean delivered, boolean abandoned);
}
