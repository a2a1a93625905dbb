package dev.videogen4j.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one scale run, as the worker process reports them to the parent (one JSON line). Times in
 * seconds, memory in bytes; {@code result*} are percentiles, over the jobs, of the time from a job's submit being
 * accepted to its result being in hand; {@code doneAt} is, per job id (Runware taskUUID, fal request id), when its
 * result was in hand, in microseconds since the epoch ({@link Epoch}), the warm-up job's too; {@code warmupJob} is
 * that job's id, null without one. {@code submitCpu} is the process's CPU from the first submit to the last
 * acceptance, {@code submitBusy} the machine's busy share then, and {@code submitJit} / {@code submitGc} the part of
 * {@code submitCpu} its JIT compiler and GC threads used ({@link JvmThreadCpu}; -1 when unknown).
 *
 * <pre>{@code
 * ScaleResult r = ScaleResult.fromJson(child.awaitLine("RESULT "));
 * double wall = r.wall();
 * }</pre>
 */
record ScaleResult(int jobs, int completed, int failed, String firstError, double wall, double lastAccepted,
                   double resultP50, double resultP99, double resultMax, int peakThreads,
                   Map<String, Integer> threadsAtPeak, long peakHeap, long liveHeapBase, long liveHeapInFlight,
                   int inFlightAtHeapSample, double cpu, Map<String, Long> doneAt, String warmupJob,
                   double submitCpu, double submitBusy, double submitJit, double submitGc) {
    private static final JsonAdapter<Map<String, Object>> JSON =
            HandHttp.MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", jobs);
        m.put("completed", completed);
        m.put("failed", failed);
        m.put("firstError", firstError);
        m.put("wall", wall);
        m.put("lastAccepted", lastAccepted);
        m.put("resultP50", resultP50);
        m.put("resultP99", resultP99);
        m.put("resultMax", resultMax);
        m.put("peakThreads", peakThreads);
        m.put("threadsAtPeak", threadsAtPeak);
        m.put("peakHeap", peakHeap);
        m.put("liveHeapBase", liveHeapBase);
        m.put("liveHeapInFlight", liveHeapInFlight);
        m.put("inFlightAtHeapSample", inFlightAtHeapSample);
        m.put("cpu", cpu);
        m.put("doneAt", doneAt);
        m.put("warmupJob", warmupJob);
        m.put("submitCpu", submitCpu);
        m.put("submitBusy", submitBusy);
        m.put("submitJit", submitJit);
        m.put("submitGc", submitGc);
        return JSON.toJson(m);
    }

    @SuppressWarnings("unchecked")
    static ScaleResult fromJson(String json) {
        Map<String, Object> m;
        try {
            m = JSON.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> threads = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("threadsAtPeak")).forEach((k, v) -> threads.put(k, ((Number) v).intValue()));
        return new ScaleResult(i(m, "jobs"), i(m, "completed"), i(m, "failed"), (String) m.get("firstError"),
                d(m, "wall"), d(m, "lastAccepted"), d(m, "resultP50"), d(m, "resultP99"), d(m, "resultMax"),
                i(m, "peakThreads"), threads, (long) d(m, "peakHeap"), (long) d(m, "liveHeapBase"),
                (long) d(m, "liveHeapInFlight"), i(m, "inFlightAtHeapSample"), d(m, "cpu"), longs(m.get("doneAt")),
                (String) m.get("warmupJob"), d(m, "submitCpu"), d(m, "submitBusy"),
                d(m, "submitJit"), d(m, "submitGc"));
    }

    /** {@link #doneAt} without the warm-up job: the measured jobs. */
    Map<String, Long> measuredDoneAt() {
        Map<String, Long> out = new LinkedHashMap<>(doneAt);
        if (warmupJob != null) out.remove(warmupJob);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> longs(Object json) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (json != null) ((Map<String, Object>) json).forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    private static int i(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }

    private static double d(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;   // NaN, Infinity travel as strings or not at all
    }
}
