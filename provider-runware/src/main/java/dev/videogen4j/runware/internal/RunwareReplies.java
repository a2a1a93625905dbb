package dev.videogen4j.runware.internal;

import dev.videogen4j.JobId;
import dev.videogen4j.JobState;
import dev.videogen4j.spi.BatchSubmitter;
import dev.videogen4j.spi.ErrorKind;
import dev.videogen4j.spi.JobUpdate;
import dev.videogen4j.spi.Operation;
import dev.videogen4j.spi.ProviderErrors;
import dev.videogen4j.spi.SubmitReceipt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads Runware's answers to submits and polls: a receipt or an exception for a submit, one update per task
 * for a poll. Errors are checked whatever the HTTP status, since Runware reports them inside 200 bodies too.
 *
 * <p>On a poll, an error naming a polled task (or carrying {@code status:"error"} when one task was polled) is
 * that job's failure and becomes a FAILED status, unless the call itself failed: an auth error, HTTP
 * 401/402/403/429, or a 5xx without {@code status:"error"} (other than {@code timeoutProvider}), which are thrown
 * so core can retry the poll.
 *
 * <pre>{@code
 * SubmitReceipt receipt = replies.receipt(task, http.send(Operation.SUBMIT, List.of(task)));
 * }</pre>
 */
public final class RunwareReplies {
    private static final Set<Integer> CALL_FAILED = Set.of(401, 402, 403, 429);
    private static final String LOST = "taskFailedOrNotFound";

    private final String providerId;
    private final RunwareJobMemory memory;

    public RunwareReplies(String providerId, RunwareJobMemory memory) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
        this.memory = Objects.requireNonNull(memory, "memory == null");
    }

    /**
     * The receipt for an acknowledged submit. {@code conflictTaskUUID} means Runware already holds a task with
     * this UUID, i.e. an earlier attempt of this very submit landed: that is an acceptance, not an error.
     */
    public SubmitReceipt receipt(Map<String, Object> task, RunwareReply reply) {
        String taskUUID = (String) task.get("taskUUID");
        JobId id = JobId.of(providerId, (String) task.get("model"), taskUUID);
        if (reply.body() == null) {
            throw ProviderErrors.fromHttp(RunwareErrorMapper.failure(providerId, Operation.SUBMIT, reply.status(),
                    List.of(), task, reply.retryAfter()));
        }
        // Loops, not streams: this reads every submit's answer.
        List<RunwareError> errors = new ArrayList<>(reply.body().allErrors());
        boolean named = false;
        for (RunwareTaskResult i : reply.body().items()) {
            if (i.isError()) errors.add(i.asError());
            named |= taskUUID.equals(i.taskUUID);
        }
        for (RunwareError e : errors) {
            if ("conflictTaskUUID".equals(e.code) && (e.taskUUID == null || taskUUID.equals(e.taskUUID))) {
                return new SubmitReceipt(id, null);
            }
        }
        if (!errors.isEmpty() || !reply.successful()) {
            throw ProviderErrors.fromHttp(RunwareErrorMapper.failure(providerId, Operation.SUBMIT, reply.status(),
                    errors, task, reply.retryAfter()));
        }
        if (!named) {
            throw ProviderErrors.unparseable(providerId, Operation.SUBMIT, reply.status(), taskUUID,
                    new IOException("the acknowledgement does not name task " + taskUUID));
        }
        return new SubmitReceipt(id, null);
    }

    /**
     * One outcome per task of a batched submit. A failure of the call as a whole — no Runware body, HTTP
     * 401/402/403/429 or 5xx, an error naming no task of ours — is thrown, as for a single submit. An error
     * naming a task refuses that task only; a task the answer does not mention is absent (it may have landed).
     */
    public Map<String, BatchSubmitter.Outcome> receipts(List<Map<String, Object>> tasks, RunwareReply reply) {
        List<String> ours = tasks.stream().map(t -> (String) t.get("taskUUID")).collect(Collectors.toList());
        List<RunwareError> errors = reply.body() == null ? List.of() : new ArrayList<>(reply.body().allErrors());
        if (reply.body() != null) {
            reply.body().items().stream().filter(RunwareTaskResult::isError).map(RunwareTaskResult::asError)
                    .forEach(errors::add);
        }
        attributeConflicts(ours, reply, errors);
        List<RunwareError> untargeted = errors.stream().filter(e -> e.taskUUID == null || !ours.contains(e.taskUUID))
                .collect(Collectors.toList());
        if (reply.body() == null || !untargeted.isEmpty() || CALL_FAILED.contains(reply.status()) || reply.status() >= 500) {
            throw ProviderErrors.fromHttp(RunwareErrorMapper.failure(providerId, Operation.SUBMIT, reply.status(),
                    untargeted.isEmpty() ? errors : untargeted, null, reply.retryAfter()));
        }
        Map<String, BatchSubmitter.Outcome> out = new LinkedHashMap<>();
        for (Map<String, Object> task : tasks) {
            String uuid = (String) task.get("taskUUID");
            RunwareResponse own = new RunwareResponse();
            own.data = reply.body().items().stream().filter(i -> uuid.equals(i.taskUUID)).collect(Collectors.toList());
            own.errors = errors.stream().filter(e -> uuid.equals(e.taskUUID)).collect(Collectors.toList());
            if (own.data.isEmpty() && own.errors.isEmpty()) {
                continue;
            }
            try {
                out.put(uuid, BatchSubmitter.Outcome.accepted(receipt(task, new RunwareReply(reply.status(), own,
                        reply.retryAfter()))));
            } catch (RuntimeException refused) {
                out.put(uuid, BatchSubmitter.Outcome.refused(refused));
            }
        }
        return out;
    }

    /**
     * A {@code conflictTaskUUID} that names no task says one of ours was already accepted. Runware's legacy SDK
     * then takes it for the task it sent (sdk-python {@code base.py _retry_with_reconnect}); in a batch it can be
     * told apart only when as many such conflicts came back as tasks the answer says nothing else about: each of
     * those is then one of them. Otherwise they stay unattributed and fail the call as before.
     */
    private static void attributeConflicts(List<String> ours, RunwareReply reply, List<RunwareError> errors) {
        List<RunwareError> anonymous = errors.stream()
                .filter(e -> e.taskUUID == null && "conflictTaskUUID".equals(e.code)).collect(Collectors.toList());
        if (anonymous.isEmpty()) {
            return;
        }
        List<String> unanswered = ours.stream()
                .filter(t -> errors.stream().noneMatch(e -> t.equals(e.taskUUID))
                        && (reply.body() == null || reply.body().items().stream().noneMatch(i -> t.equals(i.taskUUID))))
                .collect(Collectors.toList());
        if (unanswered.size() == anonymous.size()) {
            for (int i = 0; i < anonymous.size(); i++) {
                anonymous.get(i).taskUUID = unanswered.get(i);
            }
        }
    }

    /** One update per polled task the answer speaks of; a task it does not mention is absent. */
    public Map<String, JobUpdate> updates(Operation op, List<String> taskUUIDs, RunwareReply reply) {
        boolean single = taskUUIDs.size() == 1;
        if (reply.body() == null) {
            throw ProviderErrors.fromHttp(RunwareErrorMapper.failure(providerId, op, reply.status(), List.of(),
                    sentPoll(taskUUIDs), reply.retryAfter()));
        }
        Map<String, List<RunwareError>> failed = new LinkedHashMap<>();
        List<RunwareError> callErrors = new ArrayList<>();
        for (RunwareError e : reply.body().allErrors()) {
            String owner = e.taskUUID != null ? (taskUUIDs.contains(e.taskUUID) ? e.taskUUID : null)
                    : single && e.statusIsError() ? taskUUIDs.get(0) : null;
            if (owner != null && isJobFailure(e, reply.status())) {
                failed.computeIfAbsent(owner, k -> new ArrayList<>()).add(e);
            } else if (e.taskUUID == null || taskUUIDs.contains(e.taskUUID)) {
                callErrors.add(e);   // an error about a task we did not ask for is not ours to report
            }
        }
        if (!callErrors.isEmpty() || (!reply.successful() && failed.isEmpty())) {
            throw ProviderErrors.fromHttp(RunwareErrorMapper.failure(providerId, op, reply.status(), callErrors,
                    sentPoll(taskUUIDs), reply.retryAfter()));
        }
        Map<String, List<RunwareTaskResult>> items = new LinkedHashMap<>();
        for (RunwareTaskResult i : reply.body().items()) {
            String owner = i.taskUUID == null && single ? taskUUIDs.get(0) : i.taskUUID;
            if (owner != null && taskUUIDs.contains(owner)) {
                items.computeIfAbsent(owner, k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, JobUpdate> out = new LinkedHashMap<>();
        for (String t : taskUUIDs) {
            List<RunwareTaskResult> its = items.getOrDefault(t, List.of());
            List<RunwareError> errs = failed.getOrDefault(t, List.of());
            if (its.isEmpty() && errs.isEmpty()) {
                continue;
            }
            List<RunwareJobMemory.Video> found;
            try {
                found = RunwareStatusMapper.videos(its);
            } catch (IllegalArgumentException missingField) {
                throw ProviderErrors.unparseable(providerId, op, reply.status(), t, missingField);
            }
            out.put(t, RunwareStatusMapper.update(its, errs, memory.collect(t, found)));
        }
        return out;
    }

    /**
     * What Runware's archive says of a task {@code getResponse} no longer knows ({@code taskFailedOrNotFound}:
     * getResponse "checks active operations" only, runware.ai/docs/platform/task-polling): the outcome inside
     * the {@code getTaskDetails} answer's archived {@code response} envelope, or {@code null} when the archive
     * shows none (it does not know the task either, or holds no final item: for an async task the docs do not
     * show whether the archived response is the final result or only the acknowledgement). A failed call throws.
     */
    public JobUpdate archived(Operation op, String taskUUID, RunwareReply reply) {
        if (reply.body() == null || !reply.successful() || !reply.body().allErrors().isEmpty()) {
            updates(op, List.of(taskUUID), reply);   // throws when the call failed; an unknown task stays lost
            return null;
        }
        RunwareTaskResult details = reply.body().items().stream()
                .filter(i -> taskUUID.equals(i.taskUUID) && i.response != null).findFirst().orElse(null);
        if (details == null) {
            return null;
        }
        JobUpdate u = updates(op, List.of(taskUUID), new RunwareReply(reply.status(), details.response, null)).get(taskUUID);
        boolean decided = u != null && (u.status().state() == JobState.SUCCEEDED
                || (u.status().state() == JobState.FAILED && !isLost(u)));
        return decided ? u : null;
    }

    // The poll task as sent, for a failure's context; built only when a poll fails, not for every answer.
    private static Map<String, Object> sentPoll(List<String> taskUUIDs) {
        return taskUUIDs.size() == 1 ? RunwareRequestMapper.getResponse(taskUUIDs.get(0)) : null;
    }

    /** True for the update of a task {@code getResponse} answered {@code taskFailedOrNotFound}. */
    public static boolean isLost(JobUpdate u) {
        return u.status().state() == JobState.FAILED && u.status().code().filter(LOST::equals).isPresent();
    }

    private static boolean isJobFailure(RunwareError e, int status) {
        if (CALL_FAILED.contains(status) || RunwareErrorMapper.kindOf(e.code) == ErrorKind.AUTHENTICATION) {
            return false;
        }
        // timeoutProvider says the generation "was automatically terminated": final, whatever the HTTP status.
        return status < 500 || e.statusIsError() || "timeoutProvider".equals(e.code);
    }
}
