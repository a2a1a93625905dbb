package dev.videogen4j.runware.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of Runware's {@code errors} array.
 *
 * <pre>{@code
 * {"code":"unsupportedDuration","message":"Invalid value for duration parameter. ...","parameter":"duration",
 *  "type":"float","documentation":"https://runware.ai/docs/...","taskUUID":"24cd5dff-...","allowedValues":[6]}
 * }</pre>
 */
public final class RunwareError {
    public String code;
    public String message;
    /** A string, or an array of strings (the official Go CLI decodes both). */
    public Object parameter;
    public String taskType;
    public String taskUUID;
    /** {@code "error"} when a polled generation failed. */
    public String status;
    public String type;
    public String documentation;
    public List<Object> allowedValues;

    /** The parameter(s) named, joined with a comma, or {@code null}. */
    public String parameterName() {
        if (parameter instanceof List) {
            String joined = ((List<?>) parameter).stream().map(String::valueOf).collect(Collectors.joining(","));
            return joined.isEmpty() ? null : joined;
        }
        return parameter == null ? null : String.valueOf(parameter);
    }

    public boolean statusIsError() {
        return status != null && status.trim().equalsIgnoreCase("error");
    }

    /** Reads an error object that arrived untyped (legacy {@code error{}}, an item's {@code error{}}). */
    static RunwareError fromMap(Map<?, ?> m) {
        RunwareError e = new RunwareError();
        e.code = text(m.get("code"));
        e.message = text(m.get("message"));
        e.parameter = m.get("parameter");
        e.taskType = text(m.get("taskType"));
        e.taskUUID = text(m.get("taskUUID"));
        e.status = text(m.get("status"));
        e.documentation = text(m.get("documentation"));
        e.allowedValues = m.get("allowedValues") instanceof List ? List.copyOf(nonNull((List<?>) m.get("allowedValues"))) : null;
        return e;
    }

    private static List<Object> nonNull(List<?> l) {
        return l.stream().filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    @Override
    public String toString() {
        return code + (parameterName() == null ? "" : " [" + parameterName() + "]") + ": " + message;
    }
}
