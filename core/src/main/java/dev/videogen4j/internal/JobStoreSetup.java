package dev.videogen4j.internal;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.InMemoryJobStore;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.JobStoreFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens the job store {@code VIDEOGEN4J_JOB_STORE} names: {@code memory} (the default) in core, anything else
 * (a JDBC URL) through the first {@link JobStoreFactory} on the class path that accepts it.
 */
public final class JobStoreSetup {
    public static final String KEY = "VIDEOGEN4J_JOB_STORE";

    private JobStoreSetup() {
    }

    /** The store the settings name; the caller owns (and closes) it. */
    public static JobStore open(Settings settings, ClassLoader loader) {
        String location = settings.get(KEY).map(String::trim).orElse("memory");
        if (location.isEmpty() || location.equalsIgnoreCase("memory")) return new InMemoryJobStore();
        List<String> found = new ArrayList<>();
        for (JobStoreFactory f : ServiceLoader.load(JobStoreFactory.class, loader)) {
            if (f.accepts(location)) return f.open(location, key -> settings.get(key).orElse(null));
            found.add(f.getClass().getName());
        }
        throw new ConfigurationException(KEY + "=" + redactUrl(location) + " is neither 'memory' nor a location a job "
                + "store module accepts (found: " + (found.isEmpty() ? "none; add videogen4j-jobs-jdbc for a JDBC URL"
                : String.join(", ", found)) + ")");
    }

    // A JDBC URL may carry a password (?password=...): never print what follows the '?'.
    private static String redactUrl(String location) {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q) + "?...";
    }

    /**
     * This instance's name in job records: {@code VIDEOGEN4J_INSTANCE_ID}, else the process id and a random suffix
     * (not the host name: resolving it can block on DNS).
     */
    public static String instanceId(Settings settings) {
        return settings.get("VIDEOGEN4J_INSTANCE_ID").orElseGet(() -> "pid" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24)));
    }
}
