package dev.videogen4j.emulator.internal.runware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks frame images in both forms Runware accepts (runware-api.md §4): the current
 * {@code inputs.frameImages} (items {@code {image, frame}} or plain strings) and the older
 * top-level {@code frameImages} (items {@code {inputImage, frame}} or plain strings).
 */
final class RunwareFrameImages {
    private enum Position { FIRST, LAST, MIDDLE, INVALID }

    /** Receives one validation error. */
    interface ErrorSink {
        void add(String code, String message, String parameter, List<?> allowedValues);
    }

    private RunwareFrameImages() {}

    /** Reports every problem to {@code errors}; returns whether frame images were sent at all. */
    static boolean check(Map<String, Object> task, RunwareModel model, ErrorSink errors) {
        Object inputs = task.get("inputs");
        Object current = null;
        if (inputs instanceof Map<?, ?> inputsMap) {
            current = inputsMap.get("frameImages");
        } else if (inputs != null) {
            errors.add("invalidInputs", "inputs must be an object.", "inputs", null);
        }
        Object legacy = task.get("frameImages");
        if (current != null && legacy != null) {
            errors.add("incompatibleParameters", "Send frame images either as inputs.frameImages or as "
                    + "the older top-level frameImages, not both.", "frameImages", null);
            return true;
        }
        if (current == null && legacy == null) {
            return false;
        }
        String parameter = current != null ? "inputs.frameImages" : "frameImages";
        String imageKey = current != null ? "image" : "inputImage";
        Object value = current != null ? current : legacy;
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            errors.add("invalidFrameImages", parameter + " must be a non-empty array.", parameter, null);
            return true;
        }
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            positions.add(readItem(items.get(i), i, items.size(), parameter, imageKey, errors));
        }
        if (model != null) {
            checkAgainstModel(positions, model, parameter, errors);
        }
        return true;
    }

    private static Position readItem(Object item, int index, int count, String parameter,
            String imageKey, ErrorSink errors) {
        Object image = item;
        Object frame = null;
        if (item instanceof Map<?, ?> map) {
            image = map.get(imageKey);
            frame = map.get("frame");
        }
        if (!(image instanceof String text) || !ImageValues.isImage(text)) {
            errors.add("invalidFrameImages", parameter + "[" + index + "] needs an image ('" + imageKey
                    + "' or a plain string): an image UUID, a URL, a data URI or base64.",
                    parameter + "." + imageKey, null);
        }
        if (frame == null) { // Runware's distribution rule: first, last, the rest evenly in between
            return index == 0 ? Position.FIRST : index == count - 1 ? Position.LAST : Position.MIDDLE;
        }
        Position position = parseFrame(frame);
        if (position == Position.INVALID) {
            errors.add("invalidFrameImages", "frame must be \"first\", \"last\" or a frame index, not "
                    + frame + ".", parameter + ".frame", null);
        }
        return position;
    }

    private static Position parseFrame(Object frame) {
        if ("first".equals(frame) || Double.valueOf(0).equals(frame)) {
            return Position.FIRST;
        }
        if ("last".equals(frame) || Double.valueOf(-1).equals(frame)) {
            return Position.LAST;
        }
        if (frame instanceof Double d && d == Math.rint(d) && d > 0) {
            return Position.MIDDLE;
        }
        return Position.INVALID;
    }

    private static void checkAgainstModel(List<Position> positions, RunwareModel model,
            String parameter, ErrorSink errors) {
        List<Object> allowed = model.lastFrame()
                ? List.of("first", "last", 0, -1) : List.of("first", 0);
        if (positions.size() > model.maxFrameImages()) {
            errors.add("unsupportedFrameImages", model.air() + " accepts at most "
                    + model.maxFrameImages() + " frame image(s).", parameter, null);
        }
        boolean unsupportedReported = false;
        for (Position position : positions) {
            boolean supported = position == Position.FIRST
                    || position == Position.INVALID
                    || (position == Position.LAST && model.lastFrame());
            if (!supported && !unsupportedReported) {
                unsupportedReported = true;
                errors.add("unsupportedFrameImages", model.air() + " supports frame images only for the "
                        + (model.lastFrame() ? "first and last frames." : "first frame."),
                        parameter + ".frame", allowed);
            }
        }
        if (positions.stream().filter(p -> p == Position.FIRST).count() > 1
                || positions.stream().filter(p -> p == Position.LAST).count() > 1) {
            errors.add("invalidFrameImages", "Two frame images target the same frame.", parameter, null);
        }
        if (positions.contains(Position.LAST) && !positions.contains(Position.FIRST)
                && model.lastFrame()) {
            errors.add("unsupportedFrameImages", "A last frame image needs a first frame image.",
                    parameter, null);
        }
    }
}
