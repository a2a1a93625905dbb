package dev.videogen4j.spring.app;

import static dev.videogen4j.spring.app.EmulatorApplication.EMULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.videogen4j.ImageInput;
import dev.videogen4j.ImageToVideoRequest;
import dev.videogen4j.VideoClient;
import dev.videogen4j.VideoJob;
import dev.videogen4j.jobs.JobStore;
import dev.videogen4j.jobs.jdbc.JdbcJobStore;
import dev.videogen4j.spring.VideoGenAutoConfiguration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code videogen4j.jobs.store=jdbc}: the client keeps its jobs in the application's DataSource. */
class VideoGenJdbcStoreTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VideoGenAutoConfiguration.class))
            .withPropertyValues("videogen4j.jobs.store=jdbc", "videogen4j.provider=fal",
                    "videogen4j.fal.api-key=" + EMULATOR.falApiKey(), "videogen4j.fal.base-url=" + EMULATOR.falQueueBaseUrl());

    private static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void aSubmittedJobIsARowInTheApplicationsDatabase() {
        DataSource db = h2("spring-jobs");
        runner.withBean(DataSource.class, () -> db).run(context -> {
            assertInstanceOf(JdbcJobStore.class, context.getBean(JobStore.class));

            VideoJob job = context.getBean(VideoClient.class).submit(ImageToVideoRequest.builder()
                    .model("kling-2.5-turbo-standard").prompt("A paper boat on a stream, stored")
                    .image(ImageInput.url("https://example.com/inputs/first-frame.jpg")).durationSeconds(5).build());

            assertNotNull(job.jobId());
            try (Connection c = db.getConnection();
                 PreparedStatement s = c.prepareStatement("select count(*) from videogen4j_jobs");
                 ResultSet rows = s.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        });
    }

    @Test
    void withoutADataSourceStartupFailsNamingTheProperty() {
        runner.run(context -> assertStartupFailure(context.getStartupFailure(),
                "videogen4j.jobs.store=jdbc needs exactly one DataSource bean"));
    }

    @Test
    void withoutTheJdbcModuleStartupFailsNamingTheProperty() {
        runner.withBean(DataSource.class, () -> h2("no-module")).withClassLoader(new FilteredClassLoader(JdbcJobStore.class))
                .run(context -> assertStartupFailure(context.getStartupFailure(),
                        "videogen4j.jobs.store=jdbc needs videogen4j-jobs-jdbc on the class path"));
    }

    private static void assertStartupFailure(Throwable failure, String message) {
        assertNotNull(failure);
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        assertEquals(message, root.getMessage().substring(0, Math.min(message.length(), root.getMessage().length())));
    }
}
