package dev.videogen4j.spring;

import dev.videogen4j.error.ConfigurationException;
import dev.videogen4j.spring.internal.ClientSettings;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns videogen4j's configuration errors into Spring Boot's "APPLICATION FAILED TO START" report, naming the
 * properties to fix in their {@code application.yml} form ({@code videogen4j.poll.initial-delay}) rather than as
 * environment variables.
 *
 * <pre>{@code
 * Description: videogen4j.poll.initial-delay=soon is not a duration (use 500ms, 30s, 2m, 1h or PT30S)
 * Action:      Fix videogen4j.poll.initial-delay in your application properties.
 * }</pre>
 */
public class VideoGenFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    private static final Pattern VARIABLE = Pattern.compile("VIDEOGEN4J_[A-Z0-9_]+");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        Set<String> named = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(cause.getMessage());
        StringBuilder description = new StringBuilder();
        while (m.find()) {
            String property = ClientSettings.property(m.group());
            named.add(property);
            m.appendReplacement(description, Matcher.quoteReplacement(property));
        }
        m.appendTail(description);
        if (named.isEmpty() && cause.getMessage().startsWith("Unknown provider")) {
            named.add("videogen4j.provider");
            named.add("videogen4j.routing");
        }
        String action = named.isEmpty()
                ? "Check the videogen4j.* properties of your application."
                : "Fix " + String.join(" or ", named) + " in your application properties (or its environment variable).";
        return new FailureAnalysis("videogen4j could not start: " + description, action, cause);
    }
}
