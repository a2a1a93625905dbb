package dev.videogen4j.spring.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong or missing property stops the application with a report that names the property to fix. */
@ExtendWith(OutputCaptureExtension.class)
class VideoGenStartupFailureTest {
    private static void start(String... properties) {
        assertThrows(RuntimeException.class, () -> new SpringApplicationBuilder(EmulatorApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run().close());
    }

    @Test
    void aMalformedRoutingPolicyIsNamedAsItsProperty(CapturedOutput output) {
        start("videogen4j.routing=sometimes-fal", "videogen4j.fal.api-key=k");

        String report = output.getOut() + output.getErr();
        assertTrue(report.contains("APPLICATION FAILED TO START"), report);
        assertTrue(report.contains("videogen4j could not start: videogen4j.routing=sometimes-fal is not a routing policy"),
                report);
        assertTrue(report.contains("Fix videogen4j.routing in your application properties"), report);
    }

    @Test
    void aMissingApiKeyNamesTheKeyProperty(CapturedOutput output) {
        start("videogen4j.provider=fal");

        String report = output.getOut() + output.getErr();
        assertTrue(report.contains("Provider 'fal' needs an API key: set videogen4j.fal.api-key or FAL_KEY"), report);
    }
}
