package dev.videogen4j.jobs.jdbc;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.JobStoreFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Opens a {@link JdbcJobStore} when {@code VIDEOGEN4J_JOB_STORE} is a JDBC URL; found by {@link java.util.ServiceLoader}
 * once this module is on the class path. The other settings it reads:
 *
 * <pre>
 * VIDEOGEN4J_JOB_STORE=jdbc:postgresql://db:5432/app     (or jdbc:h2:/var/lib/app/jobs)
 * VIDEOGEN4J_JOB_STORE_USER=app                           VIDEOGEN4J_JOB_STORE_PASSWORD=...
 * VIDEOGEN4J_INSTANCE_ID=api-7                            (default: host name and process id)
 * VIDEOGEN4J_JOB_STORE_THREADS=10                         polls run at once on this instance
 * VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL=500ms               how often due polls are looked for
 * VIDEOGEN4J_JOB_STORE_HEARTBEAT=5s                       a dead instance's polls resume after 6 missed heartbeats
 * VIDEOGEN4J_JOB_STORE_POOL_SIZE=18                       connections opened at most (threads + 8)
 * VIDEOGEN4J_JOB_STORE_ORPHAN_AFTER=2m                    an unanswered submit older than this: its instance died
 * </pre>
 */
public final class JdbcJobStoreFactory implements JobStoreFactory {

    @Override
    public boolean accepts(String location) {
        return location != null && location.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    @Override
    public JobStore open(String location, Function<String, String> settings) {
        JdbcJobStore.Builder builder = JdbcJobStore.builder(location, settings.apply("VIDEOGEN4J_JOB_STORE_USER"),
                settings.apply("VIDEOGEN4J_JOB_STORE_PASSWORD"));
        String instance = settings.apply("VIDEOGEN4J_INSTANCE_ID");
        if (instance != null) {
            builder.instanceId(instance.trim());
        }
        String threads = settings.apply("VIDEOGEN4J_JOB_STORE_THREADS");
        if (threads != null) {
            builder.pollThreads(integer("VIDEOGEN4J_JOB_STORE_THREADS", threads));
        }
        String pool = settings.apply("VIDEOGEN4J_JOB_STORE_POOL_SIZE");
        if (pool != null) {
            builder.poolSize(integer("VIDEOGEN4J_JOB_STORE_POOL_SIZE", pool));
        }
        String check = settings.apply("VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL");
        if (check != null) {
            builder.checkInterval(duration("VIDEOGEN4J_JOB_STORE_CHECK_INTERVAL", check));
        }
        String heartbeat = settings.apply("VIDEOGEN4J_JOB_STORE_HEARTBEAT");
        if (heartbeat != null) {
            builder.heartbeat(duration("VIDEOGEN4J_JOB_STORE_HEARTBEAT", heartbeat), 6);
        }
        String orphans = settings.apply("VIDEOGEN4J_JOB_STORE_ORPHAN_AFTER");
        if (orphans != null) {
            builder.orphanAfter(duration("VIDEOGEN4J_JOB_STORE_ORPHAN_AFTER", orphans));
        }
        return builder.build();
    }

    private static int integer(String key, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException(key + "=" + text + " must be a whole number of at least 1");
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 {@code PT5S}, longer than zero. */
    static Duration duration(String key, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d = t.startsWith("p") ? Duration.parse(t.toUpperCase(Locale.ROOT))
                    : t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()))
                    : t.endsWith("s") ? Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()))
                    : t.endsWith("m") ? Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()))
                    : null;
            if (d != null && !d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new ConfigurationException(key + "=" + text + " must be a positive duration such as 500ms, 5s, 2m or PT5S");
    }
}
