package dev.videogen4j.spi;

import dev.videogen4j.HttpPreview;
import dev.videogen4j.JobStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scrubs the keys of one owner (a client, or one provider instance) out of what it hands on: texts, exceptions
 * with their {@code Caused by} chains, statuses, previews. Every form an echo of a key may take is scrubbed: as is,
 * in any letter case, JSON-escaped, URL-encoded, base64 at any alignment, and each half of fal's {@code id:secret}.
 *
 * <p>A redactor knows only the keys it was made from: there is no JVM-wide list of keys. The client that owns a
 * key keeps its redactor, scrubs everything its providers return or throw with it, and drops it on {@code close()}.
 * An adapter scrubs what it throws with the redactor of its own key ({@code Redactor.of(config.apiKey())}).
 *
 * <pre>{@code
 * Redactor redactor = Redactor.of(config.apiKey());
 * try {
 *     return send(request);
 * } catch (RuntimeException e) {
 *     throw redactor.redact(e);       // the same exception type, with every message and cause scrubbed
 * }
 * }</pre>
 */
public final class Redactor {
    private static final Redactor NONE = new Redactor(List.of());
    private static final String MASK = "****";
    private static final int MAX_CAUSES = 20;

    // Longest first, so a longer form is replaced before a part of it.
    private final List<String> forms;

    private Redactor(Collection<String> forms) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(forms));
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        this.forms = List.copyOf(sorted);
    }

    /** A redactor that changes nothing (for an owner without keys). */
    public static Redactor none() {
        return NONE;
    }

    /** The redactor of these keys; null keys are ignored. */
    public static Redactor of(ApiKey... keys) {
        Set<String> all = new LinkedHashSet<>();
        for (ApiKey k : keys) {
            if (k != null) all.addAll(k.forms());
        }
        return all.isEmpty() ? NONE : new Redactor(all);
    }

    /** A redactor that scrubs the keys of both. */
    public Redactor and(Redactor other) {
        Set<String> all = new LinkedHashSet<>(forms);
        all.addAll(other.forms);
        return new Redactor(all);
    }

    /** Whether this redactor scrubs nothing. */
    public boolean isEmpty() {
        return forms.isEmpty();
    }

    /** {@code text} with every form of these keys replaced by {@code ****}, ignoring letter case. */
    public String redact(String text) {
        if (text == null || forms.isEmpty()) return text;
        String out = text;
        for (String form : forms) {
            out = replaceIgnoringCase(out, form);
        }
        return out;
    }

    /** Whether {@code text} holds a form of these keys. */
    public boolean leaks(String text) {
        return text != null && !text.equals(redact(text));
    }

    private static String replaceIgnoringCase(String text, String form) {
        StringBuilder b = null;
        int from = 0;
        for (int i = 0; i + form.length() <= text.length(); ) {
            if (text.regionMatches(true, i, form, 0, form.length())) {
                if (b == null) b = new StringBuilder(text.length());
                b.append(text, from, i).append(MASK);
                i += form.length();
                from = i;
            } else {
                i++;
            }
        }
        return b == null ? text : b.append(text, from, text.length()).toString();
    }

    /**
     * {@code e} itself when no key appears in its cause chain; otherwise the same failure without the key: a
     * videogen4j exception is rebuilt as the same type with the same fields, any other exception becomes a
     * stand-in that prints as it (type name, scrubbed message, stack trace kept).
     */
    public RuntimeException redact(RuntimeException e) {
        return (RuntimeException) redact((Throwable) e);
    }

    /** Like {@link #redact(RuntimeException)}, for any throwable (an {@code IOException} to attach as a cause). */
    public Throwable redact(Throwable t) {
        return redact(t, 0);
    }

    // Depth-bounded: a cause chain can be made cyclic with initCause.
    Throwable redact(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES) return null;
        if (!leaks(t, 0)) return t;
        Throwable cause = t.getCause() == t ? null : redact(t.getCause(), depth + 1);
        Throwable same = RedactedExceptions.rebuild(this, t, cause);
        Throwable r = same != null ? same : new Redacted(t.getClass().getName(), redact(t.getMessage()), cause);
        r.setStackTrace(t.getStackTrace());
        return r;
    }

    private boolean leaks(Throwable t, int depth) {
        if (t == null || depth > MAX_CAUSES || forms.isEmpty()) return false;
        return leaks(t.getMessage()) || leaks(t.toString()) || RedactedExceptions.leaksInFields(this, t)
                || (t.getCause() != t && leaks(t.getCause(), depth + 1));
    }

    /** {@code s} with the vendor's texts (code, reason, raw status) scrubbed. */
    public JobStatus redact(JobStatus s) {
        if (s == null || forms.isEmpty()) return s;
        String raw = redact(s.raw());
        switch (s.state()) {
            case QUEUED: return JobStatus.queued(s.queuePosition().isPresent() ? s.queuePosition().getAsInt() : null).withRaw(raw);
            case RUNNING: return JobStatus.running(s.progressPercent().isPresent() ? s.progressPercent().getAsInt() : null).withRaw(raw);
            case SUCCEEDED: return JobStatus.succeeded().withRaw(raw);
            case CANCELLED: return JobStatus.cancelled().withRaw(raw);
            case FAILED: return JobStatus.failed(s.errorKind().orElseThrow(), redact(s.code().orElse(null)),
                    redact(s.reason().orElse(null))).withRaw(raw);
            default: return JobStatus.unknown(raw);
        }
    }

    /** {@code u} with its status scrubbed. */
    public JobUpdate redact(JobUpdate u) {
        return u == null || forms.isEmpty() ? u : new JobUpdate(redact(u.status()), u.output());
    }

    /** {@code p} with its URL, header values and body scrubbed (a preview is made to be printed). */
    public HttpPreview redact(HttpPreview p) {
        if (p == null || forms.isEmpty()) return p;
        Map<String, String> headers = new LinkedHashMap<>();
        p.headers().forEach((k, v) -> headers.put(k, redact(v)));
        return new HttpPreview(p.providerId(), p.model(), p.method(), redact(p.url()), headers, redact(p.body()));
    }

    /**
     * Runs {@code call} and scrubs what it throws and what it returns: a status's vendor texts ({@link JobUpdate}),
     * a preview, each item of a batch poll and each refusal of a batch submit. Receipts, outputs and cancel
     * outcomes carry ids and URLs, not vendor words, and are returned as they are.
     */
    public <T> T around(Supplier<T> call) {
        try {
            return value(call.get());
        } catch (RuntimeException e) {
            throw redact(e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T value(T v) {
        if (forms.isEmpty() || v == null) return v;
        if (v instanceof JobUpdate) return (T) redact((JobUpdate) v);
        if (v instanceof HttpPreview) return (T) redact((HttpPreview) v);
        if (v instanceof BatchSubmitter.Outcome) {
            BatchSubmitter.Outcome o = (BatchSubmitter.Outcome) v;
            return o.failure() == null ? v : (T) BatchSubmitter.Outcome.refused(redact(o.failure()));
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            ((Map<?, ?>) v).forEach((k, x) -> out.put(k, value(x)));
            return (T) out;
        }
        return v;
    }

    /** Prints as the exception it replaces ({@code java.io.IOException: reset by ****}). */
    private static final class Redacted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        Redacted(String type, String message, Throwable cause) {
            super(message, cause);
            this.type = type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Redactor && ((Redactor) o).forms.equals(forms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(forms);
    }

    @Override
    public String toString() {
        return "Redactor[" + forms.size() + " forms]";
    }
}
