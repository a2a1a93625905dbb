package dev.videogen4j.jobs;

import java.util.function.Function;

/**
 * Opens a {@link JobStore} named by configuration. {@code VIDEOGEN4J_JOB_STORE} is {@code memory} (the default,
 * built in) or a location another module understands, such as a JDBC URL; the client finds that module's factory
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.videogen4j.jobs.JobStoreFactory}).
 *
 * <pre>{@code
 * public final class JdbcJobStoreFactory implements JobStoreFactory {
 *     public boolean accepts(String location) { return location.startsWith("jdbc:"); }
 *     public JobStore open(String location, Function<String, String> settings) {
 *         return JdbcJobStore.open(location, settings.apply("VIDEOGEN4J_JOB_STORE_USER"),
 *                 settings.apply("VIDEOGEN4J_JOB_STORE_PASSWORD"));
 *     }
 * }
 * }</pre>
 */
public interface JobStoreFactory {

    /** True when this factory opens stores at {@code location} (the value of {@code VIDEOGEN4J_JOB_STORE}). */
    boolean accepts(String location);

    /**
     * Opens the store; the client closes it when the client closes.
     *
     * @param settings reads any other configuration key (e.g. {@code VIDEOGEN4J_JOB_STORE_USER},
     *                 {@code VIDEOGEN4J_JOB_STORE_PASSWORD}, {@code VIDEOGEN4J_INSTANCE_ID}) from where the client
     *                 was configured; {@code null} when unset
     * @throws dev.videogen4j.error.ConfigurationException saying what to set when the location or settings are wrong
     */
    JobStore open(String location, Function<String, String> settings);
}
