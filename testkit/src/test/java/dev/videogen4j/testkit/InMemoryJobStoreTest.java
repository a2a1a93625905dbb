package dev.videogen4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.videogen4j.jobs.InMemoryJobStore;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobRecordJson;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.RecordState;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryJobStoreTest extends JobStoreContractTest {
    @Override
    protected JobStore newStore() {
        return new InMemoryJobStore();
    }

    @Test
    void keepsEveryLiveRecordAndOnlyTheLastEndedOnes() {
        store = new InMemoryJobStore(3);
        JobRecord live = intended("runware", "m", T0);
        store.insert(live);
        JobRecord[] ended = new JobRecord[4];
        for (int i = 0; i < 4; i++) {
            ended[i] = intended("runware", "m", T0.plusSeconds(i + 1));
            store.insert(ended[i]);
            store.update(succeeded(ended[i], BigDecimal.ONE));
        }
        assertEquals(Optional.empty(), store.get(ended[0].id()), "the oldest ended record went");
        assertEquals(Optional.empty(), store.findBySubmissionId("runware", ended[0].submissionId()));
        assertEquals(3, store.findByState(Set.of(RecordState.SUCCEEDED), 10).size());
        assertEquals(Optional.of(live), store.get(live.id()));
    }

    @Test
    void theJsonFormReadsBackEqual() {
        JobRecord r = succeeded(intended("fal", "fal-ai/kling", T0), new BigDecimal("0.42"));
        assertEquals(r, JobRecordJson.read(JobRecordJson.write(r)));
        JobRecord fresh = intended("fal", "fal-ai/kling", T0);
        assertEquals(fresh, JobRecordJson.read(JobRecordJson.write(fresh)));
    }
}
