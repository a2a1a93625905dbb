package dev.videogen4j.internal;

import dev.videogen4j.Attempt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Routing attempt lists: the last attempt is the job being followed, and it is the one whose outcome changes.
 *
 * <pre>{@code
 * List<Attempt> done = Attempts.withLast(job.attempts(), a -> a.succeeded(result.cost()));
 * }</pre>
 */
public final class Attempts {
    private Attempts() {
    }

    /** A copy of {@code attempts} with its last one replaced by {@code change} of it. */
    public static List<Attempt> withLast(List<Attempt> attempts, UnaryOperator<Attempt> change) {
        List<Attempt> out = new ArrayList<>(attempts);
        if (!out.isEmpty()) out.add(change.apply(out.remove(out.size() - 1)));
        return List.copyOf(out);
    }

    /** {@code earlier} followed by {@code later}. */
    public static List<Attempt> concat(List<Attempt> earlier, List<Attempt> later) {
        List<Attempt> out = new ArrayList<>(earlier);
        out.addAll(later);
        return List.copyOf(out);
    }
}
