package dev.videogen4j.jobs.jdbc;

import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.testkit.JobStoreContractTest;

/** The store contract on a real PostgreSQL server, a fresh schema per test, through the store's own pool. */
class JdbcJobStorePostgresContractTest extends JobStoreContractTest {
    @Override
    protected JobStore newStore() {
        return JdbcJobStore.builder(TestDatabases.newPostgresSchema(), null, null).build();
    }
}
