/**
 * The JDBC store's machinery: schema migration, SQL, the connection pool for URL configurations, the db-scheduler
 * wiring. Not API: anything here may change in any release. Use {@link dev.videogen4j.jobs.jdbc.JdbcJobStore}.
 */
package dev.videogen4j.jobs.jdbc.internal;
