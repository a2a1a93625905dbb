package dev.videogen4j.emulator.internal.fal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The eleven Kling queue endpoints the emulator serves, with their schemas and per-second prices
 * (fal-api.md §5 tables; v2.1 pro re-read from its fal page on 2026-12-02). v1.6 i2v/t2v prices are not documented:
 * they are charged at the emulator's placeholder price.
 */
public final class FalModels {
    private static final String PREFIX = "fal-ai/kling-video/";
    private static final Map<String, FalModel> MODELS = new LinkedHashMap<>();

    static {
        add("v2.5-turbo/pro/image-to-video", true, true, false, "0.07");
        add("v2.5-turbo/pro/text-to-video", false, false, true, "0.07");
        add("v2.5-turbo/standard/image-to-video", true, false, false, "0.042");
        add("v2.1/master/image-to-video", true, false, false, "0.28");
        add("v2.1/master/text-to-video", false, false, true, "0.28");
        add("v2.1/pro/image-to-video", true, true, false, "0.098");
        add("v2.1/standard/image-to-video", true, false, false, "0.056");
        add("v1.6/pro/image-to-video", true, true, true, null);
        add("v1.6/pro/text-to-video", false, false, true, null);
        add("v1.6/standard/image-to-video", true, false, false, null);
        add("v1.6/standard/text-to-video", false, false, true, null);
        FalNewEndpoints.register((id, schema) -> MODELS.put(id, FalModel.of(id, schema)));
    }

    private FalModels() {}

    private static void add(String path, boolean i2v, boolean tail, boolean aspect, String price) {
        MODELS.put(PREFIX + path, new FalModel(PREFIX + path, i2v, tail, aspect,
                price == null ? null : new BigDecimal(price), null));
    }

    /** The endpoint with this id, or null. */
    public static FalModel find(String endpointId) {
        return MODELS.get(endpointId);
    }

    public static Iterable<String> ids() {
        return MODELS.keySet();
    }
}
