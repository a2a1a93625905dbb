package dev.videogen4j.cli;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.InMemoryJobStore;
import dev.videogen4j.jobs.JobRecord;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.jdbc.JdbcJobStoreFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the CLI keeps job records: {@code VIDEOGEN4J_JOB_STORE} when set (a JDBC URL, or {@code memory}), otherwise an
 * embedded H2 database in {@code ~/.videogen4j/jobs} (or under {@code VIDEOGEN4J_HOME}), so that {@code submit},
 * {@code jobs} and {@code await} work across runs with no setup.
 *
 * <pre>{@code
 * try (JobStore store = JobStores.open(runtime)) { store.live(100).forEach(System.out::println); }
 * }</pre>
 *
 * <p>The embedded database is opened by one process at a time: to run {@code worker} beside other commands, point
 * {@code VIDEOGEN4J_JOB_STORE} at PostgreSQL.
 */
final class JobStores {
    static final String VARIABLE = "VIDEOGEN4J_JOB_STORE";

    private JobStores() {
    }

    /** The location the CLI uses: the setting, or the embedded default. */
    static String location(CliRuntime runtime) {
        return runtime.setting(VARIABLE).orElseGet(() -> {
            Path home = runtime.setting("VIDEOGEN4J_HOME").map(Path::of)
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".videogen4j"));
            return "jdbc:h2:file:" + home.resolve("jobs").toAbsolutePath();
        });
    }

    /** The location as printed: a password written into the URL is masked. */
    static String shown(CliRuntime runtime) {
        return location(runtime).replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static JobStore open(CliRuntime runtime) {
        String location = location(runtime);
        if (location.equalsIgnoreCase("memory")) {
            return new InMemoryJobStore();
        }
        JdbcJobStoreFactory jdbc = new JdbcJobStoreFactory();
        if (!jdbc.accepts(location)) {
            throw new ConfigurationException(VARIABLE + "=" + location + " is neither 'memory' nor a JDBC URL "
                    + "(jdbc:postgresql://host:5432/db or jdbc:h2:file:/path/jobs)");
        }
        return jdbc.open(location, key -> runtime.setting(key).orElse(null));
    }

    /** The record with this id, or with this handle ({@code provider:model:vendorId}), or a message saying so. */
    static JobRecord find(JobStore store, String idOrHandle) {
        Optional<JobRecord> byId = store.get(idOrHandle);
        if (byId.isPresent()) {
            return byId.get();
        }
        try {
            dev.videogen4j.JobId handle = dev.videogen4j.JobId.parse(idOrHandle);
            return store.findByNativeJobId(handle.providerId(), handle.nativeJobId()).orElseThrow();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no job " + idOrHandle + " in the job store (" + VARIABLE + "); "
                    + "`videogen4j jobs` lists them");
        }
    }
}
