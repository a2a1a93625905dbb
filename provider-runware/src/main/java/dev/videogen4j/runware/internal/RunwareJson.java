package dev.videogen4j.runware.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import dev.videogen4j.http.internal.JsonValues;
import dev.videogen4j.http.internal.PlainJson;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The Moshi instance of the adapter and the two reads it does: a response envelope and a flat task item.
 * Every failure to read comes out as an {@link IOException} whose message says what was wrong, never a
 * Moshi runtime exception.
 *
 * <pre>{@code
 * RunwareResponse r = RunwareJson.readResponse("{\"data\":[...]}");
 * }</pre>
 */
public final class RunwareJson {
    /** Shared: Moshi and its adapters are thread-safe. */
    public static final Moshi MOSHI = new Moshi.Builder().add(PlainJson.FACTORY).add(BigDecimal.class, JsonValues.DECIMAL)
            .build();

    private static final JsonAdapter<RunwareResponse> RESPONSE = MOSHI.adapter(RunwareResponse.class);
    private static final JsonAdapter<RunwareTaskResult> ITEM = MOSHI.adapter(RunwareTaskResult.class);
    private static final int SNIPPET = 120;

    private RunwareJson() {
    }

    /** Reads a response body: {@code {"data":[...],"errors":[...]}} or one of the legacy error shapes. */
    public static RunwareResponse readResponse(String body) throws IOException {
        return read(RESPONSE, body);
    }

    /** Reads one flat task object (a webhook body without the {@code data} wrapper). */
    public static RunwareTaskResult readItem(String body) throws IOException {
        return read(ITEM, body);
    }

    private static <T> T read(JsonAdapter<T> adapter, String body) throws IOException {
        if (body == null || body.isBlank()) {
            throw new IOException("empty body");
        }
        try {
            T value = adapter.fromJson(body);
            if (value == null) {
                throw new IOException("body is JSON null");
            }
            return value;
        } catch (JsonEncodingException e) {
            throw unreadable("not valid JSON", body, e);
        } catch (EOFException e) {
            throw unreadable("truncated JSON", body, e);
        } catch (IOException | JsonDataException e) {
            throw unreadable("unexpected JSON shape (" + e.getMessage() + ")", body, e);
        }
    }

    // The snippet shows an HTML page or a cut-off body for what it is. It travels on as a cause: the provider's
    // redactor scrubs the key from the whole chain before anything leaves the adapter.
    private static IOException unreadable(String what, String body, Exception cause) {
        return new IOException(what + "; body starts: " + snippet(body), cause);
    }

    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
    }
}
