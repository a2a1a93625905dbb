/**
 * Job records and where they are kept. The engine writes a {@link dev.videogen4j.jobs.JobRecord} before the first
 * byte of a submit is sent and rewrites it at each transition, in a {@link dev.videogen4j.jobs.JobStore}: the
 * {@link dev.videogen4j.jobs.InMemoryJobStore} by default, a database through another module
 * ({@link dev.videogen4j.jobs.JobStoreFactory}). A durable store may also run the polls of every instance
 * ({@link dev.videogen4j.jobs.JobPollScheduler}).
 */
package dev.videogen4j.jobs;
