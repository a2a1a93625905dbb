package dev.videogen4j.spi;

import dev.videogen4j.Workflow;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how one neutral field goes on the wire: the path(s) it is written to (dots nest, e.g.
 * {@code providerSettings.google.generateAudio}), its {@link WireFormat}, the workflows it applies to, and the
 * workflows that require it.
 *
 * <pre>{@code
 * "generateAudio": "providerSettings.google.generateAudio"
 * "size": {"to": ["width", "height"], "as": "dimension", "workflows": ["t2v"], "required": ["t2v"]}
 * }</pre>
 *
 * @param to        the wire paths: one, two for {@link WireFormat#DIMENSION}, none for {@link WireFormat#IMPLIED}
 * @param as        how the value is written
 * @param workflows where the field is accepted; empty means every workflow the model does
 * @param required  workflows in which the request must set the field
 */
public record WireField(List<String> to, WireFormat as, Set<Workflow> workflows, Set<Workflow> required) {
    public WireField {
        Objects.requireNonNull(as, "as == null");
        to = List.copyOf(to);
        workflows = Set.copyOf(workflows);
        required = Set.copyOf(required);
        int paths = as == WireFormat.DIMENSION ? 2 : as == WireFormat.IMPLIED ? 0 : 1;
        if (to.size() != paths) {
            throw new IllegalArgumentException("\"as\": \"" + as + "\" takes " + paths + " path(s) in \"to\", got " + to);
        }
        to.forEach(p -> {
            if (p.isBlank() || p.startsWith(".") || p.endsWith(".") || p.contains("..")) {
                throw new IllegalArgumentException("not a wire path: \"" + p + "\"");
            }
        });
    }

    /** A plain field written as it is, e.g. {@code WireField.of("positivePrompt")}. */
    public static WireField of(String path) {
        return new WireField(List.of(path), WireFormat.VALUE, Set.of(), Set.of());
    }

    /** Whether a request of this workflow may set the field. */
    public boolean appliesTo(Workflow workflow) {
        return workflows.isEmpty() || workflows.contains(workflow);
    }

    /** The single path (for every format but DIMENSION and IMPLIED). */
    public String path() {
        return to.get(0);
    }
}
