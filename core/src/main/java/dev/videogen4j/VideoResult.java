package dev.videogen4j;

import java.util.List;
import java.util.Objects;

/**
 * A finished job: its videos, what it cost, where the time went, and who served it.
 *
 * <pre>{@code
 * VideoResult r = client.generate(request);
 * System.out.println(r.videos().get(0).url());
 * System.out.println(r.providerId() + "/" + r.model() + " cost " + r.cost() + " in " + r.timings().total());
 * System.out.println("all attempts together: " + r.totalCost());
 * }</pre>
 *
 * @param jobId    the job's handle
 * @param videos   the generated videos, at least one
 * @param cost     the serving job's cost with its source (reported, estimated or unknown); see {@link #totalCost()}
 * @param timings  queue, run and total time
 * @param attempts every provider/model tried for this request, each with its outcome and cost, the serving one last
 */
public record VideoResult(JobId jobId, List<GeneratedVideo> videos, Cost cost, Timings timings,
                          List<Attempt> attempts) {
    public VideoResult {
        Objects.requireNonNull(jobId, "jobId == null");
        Objects.requireNonNull(cost, "cost == null");
        Objects.requireNonNull(timings, "timings == null");
        videos = List.copyOf(videos);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The provider that served the request. */
    public String providerId() {
        return jobId.providerId();
    }

    /** The native model that served the request. */
    public String model() {
        return jobId.model();
    }

    /** The first video; most requests ask for one. */
    public GeneratedVideo video() {
        return videos.get(0);
    }

    /**
     * What the request cost across every attempt: this job's {@link #cost()} plus each abandoned attempt's. A
     * refused submit adds nothing; a job that failed before a fallback makes the total unknown, since whether its
     * vendor bills it is not known (look at {@link #attempts()} for the parts).
     */
    public Cost totalCost() {
        Cost total = cost;
        for (Attempt a : attempts) {
            if (a.outcome() == Attempt.Outcome.REJECTED || a.outcome() == Attempt.Outcome.JOB_FAILED) {
                total = total.plus(a.cost());
            }
        }
        return total;
    }

    /** The same result with the routing attempts that led to it. */
    public VideoResult withAttempts(List<Attempt> routingAttempts) {
        return new VideoResult(jobId, videos, cost, timings, routingAttempts);
    }
}
