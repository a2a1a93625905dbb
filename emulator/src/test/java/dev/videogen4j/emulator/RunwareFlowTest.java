package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.videogen4j.emulator.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Submit, poll and results in the shapes of runware-api.md §2 and the seed examples. */
class RunwareFlowTest extends EmulatorTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "runware-klingai-6@0-request.json, runware-klingai-6@0-response.json, 0.21",
            "runware-klingai-6@1-request.json, runware-klingai-6@1-response.json, 0.7",
            "runware-klingai-5@1-request.json, runware-klingai-5@1-response.json, 0.185"})
    void seedExamplesAreAcceptedAndCostWhatTheDocsSay(String request, String response, String cost)
            throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) Json.parse(TestHttp.resource(request).getBytes());
        task.put("includeCost", true);

        TestHttp.Result ack = runware(task);
        assertEquals(200, ack.code(), ack.body());
        assertEquals(Map.of("data", List.of(Map.of("taskType", "videoInference",
                "taskUUID", task.get("taskUUID")))), ack.json());

        advance(2);
        TestHttp.Result done = runware(poll(task.get("taskUUID")));
        Map<?, ?> item = (Map<?, ?>) done.at("data", 0);
        Map<?, ?> documented = (Map<?, ?>) Json.parse(TestHttp.resource(response).getBytes());
        for (Object key : documented.keySet()) {
            assertTrue(item.containsKey(key), "missing " + key + " in " + item);
        }
        assertEquals("success", item.get("status"));
        assertEquals(new BigDecimal(cost), new BigDecimal(item.get("cost").toString()));
        assertTrue(done.body().contains("\"cost\":" + cost), done.body());
        assertEquals(new BigDecimal(cost), emu.stats().moneyCharged("runware"));
    }

    @Test
    void everyProviderPageExampleIsAccepted() throws Exception {
        List<?> examples = (List<?>) Json.parse(
                TestHttp.resource("runware-klingai-provider-page-examples.json").getBytes());
        for (Object example : examples) {
            @SuppressWarnings("unchecked")
            Map<String, Object> task = (Map<String, Object>) example;
            task.put("taskUUID", UUID.randomUUID().toString()); // the docs reuse their UUIDs
            TestHttp.Result ack = runware(task);
            assertEquals(200, ack.code(), task.get("model") + ": " + ack.body());
        }
        assertEquals(examples.size(), emu.stats().billableJobs("runware"));
    }

    @Test
    void pollShowsProcessingWithProgressThenSuccessWithoutCostUnlessAsked() throws Exception {
        emu.close();
        emu = ProviderEmulator.builder().clock(clock).seed(42L)
                .timing(java.time.Duration.ofSeconds(4), java.time.Duration.ofSeconds(10)).start();
        Map<String, Object> task = videoTask();
        runware(task);

        TestHttp.Result queued = runware(poll(task.get("taskUUID")));
        assertEquals(Json.object("taskType", "videoInference", "taskUUID", task.get("taskUUID"),
                "status", "processing"), queued.at("data", 0));
        advance(9);
        assertEquals(50.0, runware(poll(task.get("taskUUID"))).at("data", 0, "progress"));
        advance(5);
        Map<?, ?> item = (Map<?, ?>) runware(poll(task.get("taskUUID"))).at("data", 0);
        assertEquals("success", item.get("status"));
        assertNull(item.get("cost"));
        assertNotNull(item.get("seed"));
        assertTrue(item.get("videoURL").toString().startsWith(emu.baseUrl() + "/videos/"));
        assertTrue(item.get("videoURL").toString().endsWith(item.get("videoUUID") + ".mp4"));
    }

    @Test
    void severalResultsCompleteOneAtATime() throws Exception {
        Map<String, Object> task = videoTask("numberResults", 2, "seed", 7);
        runware(task);
        advance(1); // default run time is 2 s: the first of two results is done after 1 s
        List<?> partial = (List<?>) runware(poll(task.get("taskUUID"))).at("data");
        assertEquals(2, partial.size());
        assertEquals("success", TestHttp.at(partial, 0, "status"));
        assertEquals(7.0, TestHttp.at(partial, 0, "seed"));
        assertEquals("processing", TestHttp.at(partial, 1, "status"));
        advance(1);
        List<?> all = (List<?>) runware(poll(task.get("taskUUID"))).at("data");
        assertEquals(List.of("success", "success"), all.stream().map(i -> ((Map<?, ?>) i).get("status")).toList());
        assertEquals(8.0, TestHttp.at(all, 1, "seed"));
        assertNotEquals(TestHttp.at(all, 0, "videoUUID"), TestHttp.at(all, 1, "videoUUID"));
    }

    @Test
    void failedJobIsReportedInErrorsWithTimeoutProvider() throws Exception {
        Map<String, Object> task = videoTask("positivePrompt", "please [emulator:fail] now");
        runware(task);
        advance(2);
        TestHttp.Result failed = runware(poll(task.get("taskUUID")));
        assertEquals(200, failed.code());
        Map<?, ?> error = (Map<?, ?>) failed.at("errors", 0);
        assertEquals("timeoutProvider", error.get("code"));
        assertEquals("error", error.get("status"));
        assertEquals(task.get("taskUUID"), error.get("taskUUID"));
        assertNotNull(error.get("message"));
        assertNull(failed.at("data"));
    }

    @Test
    void batchedPollsAnswerEveryTaskMatchedByUuidWithDataAndErrorsTogether() throws Exception {
        Map<String, Object> first = videoTask();
        Map<String, Object> second = videoTask("positivePrompt", "second prompt");
        runware(first, second);
        advance(2);
        String unknown = UUID.randomUUID().toString();
        TestHttp.Result batch = runware(poll(second.get("taskUUID")), poll(unknown), poll(first.get("taskUUID")));
        assertEquals(200, batch.code());
        assertEquals(second.get("taskUUID"), batch.at("data", 0, "taskUUID"));
        assertEquals(first.get("taskUUID"), batch.at("data", 1, "taskUUID"));
        assertEquals("taskFailedOrNotFound", batch.at("errors", 0, "code"));
        assertEquals(unknown, batch.at("errors", 0, "taskUUID"));
        assertEquals(3, emu.stats().requests("runware.getResponse"));
    }

    @Test
    void mixedSubmitAndPollInOneArray() throws Exception {
        Map<String, Object> earlier = videoTask();
        runware(earlier);
        Map<String, Object> next = videoTask();
        TestHttp.Result mixed = runware(next, poll(earlier.get("taskUUID")));
        assertEquals(2, ((List<?>) mixed.at("data")).size());
        assertEquals(Map.of("taskType", "videoInference", "taskUUID", next.get("taskUUID")), mixed.at("data", 0));
        assertEquals("processing", mixed.at("data", 1, "status"));
    }

    @Test
    void reusedTaskUuidIsARefusedConflictNotASecondJob() throws Exception {
        Map<String, Object> task = videoTask();
        assertEquals(200, runware(task).code());
        TestHttp.Result again = runware(task);
        assertEquals(400, again.code());
        Map<?, ?> error = (Map<?, ?>) again.at("errors", 0);
        assertEquals("conflictTaskUUID", error.get("code"));
        assertEquals("taskUUID", error.get("parameter"));
        assertEquals(task.get("taskUUID"), error.get("taskUUID"));
        EmulatorStats stats = emu.stats();
        assertEquals(1, stats.billableJobs("runware"));
        assertEquals(1, stats.billableJobs("runware", "klingai:6@0"));
        assertEquals(1, stats.refusedResubmissions("runware"));
        assertEquals(0, stats.duplicateSubmissions("runware"), "Runware created nothing for the resend");
    }

    @Test
    void sameTaskUnderANewTaskUuidIsASecondJobAndCountsAsADuplicate() throws Exception {
        Map<String, Object> task = videoTask();
        assertEquals(200, runware(task).code());
        Map<String, Object> resent = new java.util.LinkedHashMap<>(task);
        resent.put("taskUUID", java.util.UUID.randomUUID().toString());
        assertEquals(200, runware(resent).code(), "Runware cannot know it is the same request");
        EmulatorStats stats = emu.stats();
        assertEquals(2, stats.billableJobs("runware"), "paid twice");
        assertEquals(1, stats.duplicateSubmissions("runware"));
        assertEquals(0, stats.refusedResubmissions("runware"));
    }
}
