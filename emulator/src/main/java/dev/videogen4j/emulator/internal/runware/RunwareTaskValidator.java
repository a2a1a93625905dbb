package dev.videogen4j.emulator.internal.runware;

import dev.videogen4j.emulator.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@code videoInference} task against the emulator's Kling table and reports every
 * violation at once, one Runware error object each. Codes named in the reference are used as
 * documented ({@code unsupportedDuration} with {@code allowedValues}); the others follow the
 * {@code invalid*}/{@code unsupported*}/{@code missing*} pattern Runware's SDKs classify as
 * validation errors (runware-api.md §1).
 */
final class RunwareTaskValidator {
    static final String TASK_TYPE = "videoInference";
    private static final List<Object> DURATIONS = List.of(5, 10);

    /** Errors (empty when valid) and, when valid, the submit to play. */
    record Result(List<RunwareError> errors, RunwareSubmit submit) {}

    private RunwareTaskValidator() {}

    static Result validate(Map<String, Object> task) {
        String uuid = task.get("taskUUID") instanceof String s ? s : null;
        List<RunwareError> errors = new ArrayList<>();
        RunwareFrameImages.ErrorSink sink = (code, message, parameter, allowed) ->
                errors.add(RunwareError.invalid(code, message, parameter, TASK_TYPE, uuid, allowed));

        if (uuid == null || !ImageValues.UUID.matcher(uuid).matches()) {
            sink.add("invalidTaskUUID", "taskUUID must be a UUID v4 string.", "taskUUID", null);
        }
        RunwareModel model = checkModel(task.get("model"), sink);
        RunwareTaskFields.check(task, model, sink);
        if (task.containsKey("deliveryMethod") && !"async".equals(task.get("deliveryMethod"))) {
            sink.add("unsupportedDeliveryMethod", "Video inference is asynchronous: deliveryMethod must "
                    + "be \"async\".", "deliveryMethod", List.of("async"));
        }
        boolean imageToVideo = RunwareFrameImages.check(task, model, sink);
        if (model != null && !imageToVideo && !model.textToVideo()) {
            sink.add("unsupportedWorkflow", model.air() + " supports image-to-video only: provide "
                    + "inputs.frameImages with a first frame image.", "inputs.frameImages", null);
        }
        RunwareRulesCheck.Outcome rules = model != null && model.rules() != null
                ? RunwareRulesCheck.check(task, model, imageToVideo, sink) : null;
        if (model != null && rules == null) {
            checkDimensions(task, model, sink);
        }
        checkPrompt(task.get("positivePrompt"), "positivePrompt", !imageToVideo, sink);
        checkPrompt(task.get("negativePrompt"), "negativePrompt", false, sink);
        int duration = rules != null ? rules.durationSeconds() : checkDuration(task.get("duration"), sink, errors);
        RunwareTaskOptions options = RunwareTaskOptions.check(task, sink);
        if (!errors.isEmpty()) {
            return new Result(errors, null);
        }
        return new Result(errors, new RunwareSubmit(uuid, model, duration, options.numberResults(),
                options.includeCost(), options.webhookURL(), options.seed(),
                (String) task.get("positivePrompt"), options.outputFormat(),
                rules == null ? null : rules.price()));
    }

    private static RunwareModel checkModel(Object value, RunwareFrameImages.ErrorSink sink) {
        if (!(value instanceof String air)) {
            sink.add("invalidModel", "model is required: an AIR id such as klingai:6@0.", "model", null);
            return null;
        }
        RunwareModel model = RunwareModels.find(air);
        if (model == null) {
            sink.add("invalidModel", "Unknown model '" + air + "'. The emulator knows the KlingAI video "
                    + "models klingai:1@1 to klingai:6@1.", "model", null);
        }
        return model;
    }

    private static void checkDimensions(Map<String, Object> task, RunwareModel model,
            RunwareFrameImages.ErrorSink sink) {
        boolean hasWidth = task.containsKey("width");
        boolean hasHeight = task.containsKey("height");
        if (!model.takesDimensions()) {
            for (String parameter : hasWidth && hasHeight ? List.of("width", "height")
                    : hasWidth ? List.of("width") : hasHeight ? List.of("height") : List.<String>of()) {
                sink.add("unsupportedParameter", model.air() + " infers its dimensions from the first "
                        + "frame image: " + parameter + " must not be sent.", parameter, null);
            }
        } else if (hasWidth != hasHeight) {
            sink.add("missingParameter", "width and height must be used together.",
                    hasWidth ? "height" : "width", null);
        } else if (hasWidth) {
            Object width = task.get("width");
            Object height = task.get("height");
            String size = Json.isInteger(width) && Json.isInteger(height)
                    ? ((Double) width).longValue() + "x" + ((Double) height).longValue() : null;
            if (size == null || !model.dimensions().contains(size)) {
                sink.add("unsupportedDimensions", "Unsupported dimensions " + width + "x" + height
                        + " for " + model.air() + ".", "width", model.dimensions());
            }
        }
    }

    private static void checkPrompt(Object value, String parameter, boolean required,
            RunwareFrameImages.ErrorSink sink) {
        String code = parameter.equals("positivePrompt") ? "invalidPositivePrompt" : "invalidNegativePrompt";
        if (value == null) {
            if (required) {
                sink.add(code, parameter + " is required for this workflow (2 to 2500 characters).",
                        parameter, null);
            }
        } else if (!(value instanceof String text) || text.length() < 2 || text.length() > 2500) {
            sink.add(code, parameter + " must be a string of 2 to 2500 characters.", parameter, null);
        }
    }

    private static int checkDuration(Object value, RunwareFrameImages.ErrorSink sink,
            List<RunwareError> errors) {
        if (value == null) {
            return 5;
        }
        if (value instanceof Double d && (d == 5.0 || d == 10.0)) {
            return d.intValue();
        }
        sink.add("unsupportedDuration", "Invalid value for duration parameter. This duration is not "
                + "supported by the model architecture.", "duration", DURATIONS);
        errors.get(errors.size() - 1).json().put("type", "float");
        return 5;
    }
}
