package dev.videogen4j.fal.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fal endpoint id split the way fal's official clients split it (JS {@code parseEndpointId}, Python
 * {@code AppId.from_endpoint_id}): submits go to the full id, but status, result and cancel go to
 * {@code [namespace/]owner/app} only. Building a status URL with the sub-path is the most common fal
 * integration bug, which is why this lives in one tested place.
 *
 * <pre>{@code
 * FalEndpointId id = FalEndpointId.parse("fal-ai/kling-video/v2.5-turbo/standard/image-to-video");
 * id.submitPath();   // "fal-ai/kling-video/v2.5-turbo/standard/image-to-video"
 * id.appPath();      // "fal-ai/kling-video"
 * }</pre>
 */
public final class FalEndpointId {
    // fal's endpoint namespaces: the owner comes after them (JS ENDPOINT_NAMESPACES).
    private static final Set<String> NAMESPACES = Set.of("workflows", "comfy");
    // Pre-"owner/app" ids like "1234-my-app" (JS ensureEndpointIdFormat, Python _ensure_app_id_format).
    private static final Pattern LEGACY = Pattern.compile("^([0-9]+)-([a-zA-Z0-9-]+)$");

    // Every submit and poll parses its job's endpoint id; the ids are the catalog's few, so each is parsed once.
    // Bounded: ids also come from job handles an application passes in.
    private static final int KNOWN_MAX = 512;
    private static final java.util.Map<String, FalEndpointId> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private final String namespace;
    private final String owner;
    private final String app;
    private final String path;

    private FalEndpointId(String namespace, String owner, String app, String path) {
        this.namespace = namespace;
        this.owner = owner;
        this.app = app;
        this.path = path;
    }

    /**
     * @throws IllegalArgumentException when the id is neither {@code owner/app[/path]},
     *                                  {@code workflows|comfy/owner/app[/path]} nor a legacy {@code 123-app} id
     */
    public static FalEndpointId parse(String endpointId) {
        Objects.requireNonNull(endpointId, "endpointId == null");
        FalEndpointId known = KNOWN.get(endpointId);
        if (known != null) return known;
        FalEndpointId parsed = parseNew(endpointId);
        if (KNOWN.size() < KNOWN_MAX) KNOWN.put(endpointId, parsed);
        return parsed;
    }

    private static FalEndpointId parseNew(String endpointId) {
        String id = endpointId.trim();
        String[] parts = id.split("/", -1);
        if (parts.length == 1) {
            Matcher m = LEGACY.matcher(id);
            if (!m.matches()) {
                throw invalid(endpointId);
            }
            return new FalEndpointId(null, m.group(1), m.group(2), null);
        }
        if (Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw invalid(endpointId);
        }
        int first = NAMESPACES.contains(parts[0]) ? 1 : 0;
        if (parts.length < first + 2) {
            throw invalid(endpointId);
        }
        String rest = parts.length > first + 2 ? String.join("/", Arrays.copyOfRange(parts, first + 2, parts.length)) : null;
        return new FalEndpointId(first == 1 ? parts[0] : null, parts[first], parts[first + 1], rest);
    }

    private static IllegalArgumentException invalid(String id) {
        return new IllegalArgumentException("Not a fal endpoint id: '" + id
                + "' (expected owner/app[/path], workflows|comfy/owner/app[/path] or a legacy 123-app id)");
    }

    /** {@code workflows} or {@code comfy}, or {@code null}. */
    public String namespace() {
        return namespace;
    }

    public String owner() {
        return owner;
    }

    public String app() {
        return app;
    }

    /** The sub-path after the app ({@code v2.5-turbo/standard/image-to-video}), or {@code null}. */
    public String path() {
        return path;
    }

    /** {@code [namespace/]owner/app}: the prefix of status, result and cancel URLs. */
    public String appPath() {
        return (namespace == null ? "" : namespace + "/") + owner + "/" + app;
    }

    /** The full id a submit is posted to, with legacy ids normalised to {@code owner/app}. */
    public String submitPath() {
        return appPath() + (path == null ? "" : "/" + path);
    }

    @Override
    public String toString() {
        return submitPath();
    }
}
