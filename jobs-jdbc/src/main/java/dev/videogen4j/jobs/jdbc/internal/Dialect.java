package dev.videogen4j.jobs.jdbc.internal;

import dev.videogen4j.error.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store ships a schema for; each names the resource folder of its DDL. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Where this dialect's migration scripts live on the class path. */
    String resource(String migration) {
        return "/dev/videogen4j/jobs/jdbc/schema/" + folder + "/" + migration + ".sql";
    }

    /** The dialect of the database behind {@code connection}, or a message that says what is supported. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new ConfigurationException("videogen4j-jobs-jdbc stores jobs in PostgreSQL or H2, not in " + product
                + ": point VIDEOGEN4J_JOB_STORE at a jdbc:postgresql: or jdbc:h2: URL");
    }
}
