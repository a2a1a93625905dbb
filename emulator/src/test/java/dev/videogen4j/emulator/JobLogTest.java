package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-job request log and the billed job ids that let a store's tests reconcile against the vendor. */
class JobLogTest extends EmulatorTestBase {

    @Test
    void runwareSubmitAndPollsAreLoggedUnderTheTaskUUIDAndTheJobIsBilledAtOnce() throws Exception {
        Map<String, Object> task = videoTask();
        String uuid = (String) task.get("taskUUID");
        runware(task);
        runware(poll(uuid));
        runware(poll("00000000-0000-4000-8000-000000000000")); // no such job: nothing logged

        List<JobRequest> log = emu.jobRequests();
        assertEquals(List.of("runware.videoInference", "runware.getResponse"),
                log.stream().map(JobRequest::kind).toList());
        assertTrue(log.stream().allMatch(r -> r.jobId().equals(uuid) && r.vendor().equals("runware")));
        assertTrue(log.get(1).isPoll());
        assertTrue(log.get(0).arrivedNanos() <= log.get(1).arrivedNanos());
        assertEquals(Set.of(uuid), emu.billedJobIds("runware"));
    }

    @Test
    void falJobIsBilledOnlyOnceItRunsAndItsStatusPollsAreLogged() throws Exception {
        TestHttp.Result submitted = falSubmit(FAL_I2V, falInput());
        String requestId = (String) submitted.at("request_id");
        falGet((String) submitted.at("status_url"));

        assertEquals(List.of("fal.submit", "fal.status"), emu.jobRequests().stream().map(JobRequest::kind).toList());
        assertEquals(Set.of(requestId), emu.billedJobIds("fal")); // default timing: no queue, running at once

        emu.resetStats();
        assertEquals(List.of(), emu.jobRequests());
        assertEquals(Set.of(), emu.billedJobIds("fal"));
    }

    @Test
    void eachJobsEndIsFixedWhenItsSubmitIsAccepted() throws Exception {
        Map<String, Object> task = videoTask();
        runware(task);
        advance(1);
        String requestId = (String) falSubmit(FAL_I2V, falInput()).at("request_id");

        // default timing: no queue, 2 s of running, on the emulator clock
        assertEquals(Map.of((String) task.get("taskUUID"), T0.plusSeconds(2)), emu.jobEnds("runware"));
        assertEquals(Map.of(requestId, T0.plusSeconds(3)), emu.jobEnds("fal"));
        emu.resetStats();
        assertEquals(Map.of(), emu.jobEnds("fal"));
    }
}
