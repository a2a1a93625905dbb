package dev.videogen4j.jobs.jdbc;

import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.testkit.JobStoreContractTest;

/** The store contract on an in-memory H2 database. */
class JdbcJobStoreH2ContractTest extends JobStoreContractTest {
    @Override
    protected JobStore newStore() {
        return JdbcJobStore.create(TestDatabases.h2());
    }
}
