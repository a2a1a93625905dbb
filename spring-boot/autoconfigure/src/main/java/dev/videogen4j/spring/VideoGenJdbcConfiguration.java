package dev.videogen4j.spring;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code videogen4j.jobs.store=jdbc}: job records in the application's {@link DataSource} (PostgreSQL or H2, tables
 * created on start), shared by every instance, so any of them can await, poll or complete any job. Needs
 * {@code videogen4j-jobs-jdbc} on the class path and one DataSource bean ({@code spring.datasource.url}); without
 * either, startup fails saying so.
 *
 * <pre>{@code
 * videogen4j.jobs.store: jdbc
 * spring.datasource.url: jdbc:postgresql://db:5432/app
 * }</pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "videogen4j.jobs", name = "store", havingValue = "jdbc")
public class VideoGenJdbcConfiguration {
    private static final String STORE_CLASS = "dev.videogen4j.jobs.jdbc.JdbcJobStore";

    /** The store on the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = STORE_CLASS)
    static class Jdbc {
        /** The application owns the store, not the client: closed with the context. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(JobStore.class)
        JobStore videoGenJobStore(ObjectProvider<DataSource> dataSource) {
            DataSource ds = dataSource.getIfUnique();
            if (ds == null) {
                throw new ConfigurationException("videogen4j.jobs.store=jdbc needs exactly one DataSource bean "
                        + "(set spring.datasource.url, or declare one)");
            }
            return JdbcJobStore.create(ds);
        }
    }

    /** The property asks for a store the class path cannot provide: fail at startup rather than keep jobs in memory. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass(STORE_CLASS)
    static class MissingModule {
        @Bean
        @ConditionalOnMissingBean(JobStore.class)
        JobStore videoGenJobStore() {
            throw new ConfigurationException("videogen4j.jobs.store=jdbc needs videogen4j-jobs-jdbc on the class path");
        }
    }
}
