package dev.videogen4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A vendor gone bad, for testing that an adapter meets every answer with a value or a typed
 * {@code VideoGenException}: scripted hostile answers for a {@code MockWebServer} (null items, absurd numbers,
 * drips, giant bodies, cross-host redirects, {@code Retry-After} edge values, HTML with 200), and jqwik generators
 * of arbitrary, mostly-plausible answer bodies built from the vendor's own vocabulary.
 *
 * <pre>{@code
 * server.enqueue(HostileVendor.redirect(307, other.url("/steal")));
 *
 * @Property(tries = 300)
 * void everyAnswerIsAValueOrATypedError(@ForAll("answers") HostileVendor.Answer a) { ... }
 * @Provide Arbitrary<HostileVendor.Answer> answers() { return HostileVendor.answers(List.of("data", "taskUUID", ...)); }
 * }</pre>
 */
public final class HostileVendor {
    /** Numbers no sane vendor sends, as JSON text: each once pinned a thread, overflowed or threw. */
    public static final List<String> ABSURD_NUMBERS = List.of("1e999999999", "1e99999999", "-1e999999999",
            "99999999999999999999999", "-5", "0", "-0.0", "1e-999999999", "4.9e-324", "2147483648");
    /** Retry-After values at the edges: overflow, zero, negative, dates far off, garbage. */
    public static final List<String> RETRY_AFTER = List.of("99999999999999999", "2147483648", "0", "-1",
            "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "soon", "1.5", " 7 ");

    private HostileVendor() {
    }

    /** One answer: an HTTP status and a body. */
    public record Answer(int status, String body) {
        public MockResponse response() {
            return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
        }
    }

    /** A redirect to another host, as a vendor (or whoever answers in its name) might send. */
    public static MockResponse redirect(int code, Object location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location.toString()).build();
    }

    /** {@code status} with a {@code Retry-After} header of {@code value}. */
    public static MockResponse retryAfter(int status, String value) {
        return new MockResponse.Builder().code(status).setHeader("Retry-After", value).body("{}").build();
    }

    /** A body that arrives one byte per {@code every}: never trips a read timeout, only a whole-call deadline. */
    public static MockResponse drip(String body, Duration every) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body)
                .throttleBody(1, every.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    /** A 200 whose body is {@code bytes} long: a JSON string that never ends in practice. */
    public static MockResponse giantBody(int bytes) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"data\":\"" + "x".repeat(Math.max(0, bytes - 11)) + "\"}").build();
    }

    /** An HTML page with status 200, as a captive portal or a misrouted proxy answers. */
    public static MockResponse htmlWith200() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!doctype html><html><body>Welcome</body></html>").build();
    }

    /**
     * Answers built from {@code keys} (the vendor's field names) and {@code strings} (its status words, ids, URLs):
     * nested objects and arrays with nulls, absurd numbers, wrong types, truncated JSON, HTML and empty bodies, under
     * statuses a vendor or a proxy may send.
     */
    public static Arbitrary<Answer> answers(List<String> keys, List<String> strings) {
        Arbitrary<Integer> statuses = Arbitraries.of(200, 200, 200, 202, 400, 401, 403, 404, 409, 422, 429, 500, 502,
                503, 504, 307);
        Arbitrary<String> json = Arbitraries.recursive(() -> leaf(strings), inner -> container(keys, inner), 0, 4);
        Arbitrary<String> body = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, json),
                net.jqwik.api.Tuple.of(2, json.map(j -> j.substring(0, j.length() / 2))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "<html><body>502</body></html>", "[]", "{}", "\"x\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
        return Combinators.combine(statuses, body).as(Answer::new);
    }

    private static Arbitrary<String> leaf(List<String> strings) {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "{}", "[]", "[null]"),
                Arbitraries.of(ABSURD_NUMBERS),
                Arbitraries.integers().between(-3, 200).map(String::valueOf),
                Arbitraries.of(strings).map(HostileVendor::quote),
                Arbitraries.strings().ofMaxLength(12).map(HostileVendor::quote));
    }

    private static Arbitrary<String> container(List<String> keys, Arbitrary<String> inner) {
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.of(keys), inner).ofMaxSize(5)
                .map(m -> m.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        Arbitrary<String> array = inner.list().ofMaxSize(3).map(l -> String.join(",", l)).map(s -> "[" + s + "]");
        return Arbitraries.oneOf(object, object, array);
    }

    /** A JSON string literal of {@code s}. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
