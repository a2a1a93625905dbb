package dev.videogen4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once: nothing lost, nothing counted twice. */
class ConcurrencyTest extends EmulatorTestBase {
    private static final int THREADS = 8;
    private static final int JOBS_PER_THREAD = 25;

    @Test
    void concurrentSubmitsAndPollsAreAllAccountedFor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int accepted = 0;
                for (int i = 0; i < JOBS_PER_THREAD; i++) {
                    var task = videoTask();
                    accepted += runware(task).code() == 200 ? 1 : 0;
                    runware(poll(task.get("taskUUID")));
                    var fal = falSubmit(FAL_I2V, falInput("prompt", "job " + thread + "-" + i));
                    accepted += fal.code() == 200 ? 1 : 0;
                    falGet((String) fal.at("status_url"));
                }
                return accepted;
            }));
        }
        int accepted = 0;
        for (Future<Integer> result : results) {
            accepted += result.get();
        }
        pool.shutdown();
        int jobs = THREADS * JOBS_PER_THREAD;
        assertEquals(2 * jobs, accepted);
        EmulatorStats stats = emu.stats();
        assertEquals(jobs, stats.billableJobs("runware"));
        assertEquals(jobs, stats.billableJobs("fal"));
        assertEquals(jobs, stats.requests("fal.status"));
        assertEquals(jobs, stats.requests("runware.getResponse"));
        assertEquals(2 * jobs, stats.httpRequests("fal"));
        assertEquals(0, stats.duplicateSubmissions("fal"));
    }
}
