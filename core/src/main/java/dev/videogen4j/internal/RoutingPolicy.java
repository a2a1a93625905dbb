package dev.videogen4j.internal;

import dev.videogen4j.error.ConfigurationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which providers a request may go to, and in what order. Written in configuration as
 * {@code single:runware}, {@code fallback:runware,fal}, {@code cheapest:runware,fal} or {@code fastest:runware,fal}
 * (the provider list is optional for cheapest/fastest: all configured providers).
 */
public record RoutingPolicy(Kind kind, List<String> providers) {
    public enum Kind { SINGLE, FALLBACK, CHEAPEST, FASTEST }

    public RoutingPolicy {
        providers = List.copyOf(providers);
    }

    public static RoutingPolicy parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
        List<String> ids = colon < 0 ? List.of() : Arrays.stream(s.substring(colon + 1).split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toList());
        Kind kind;
        try {
            kind = Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("VIDEOGEN4J_ROUTING=" + spec + " is not a routing policy; use single:<id>, "
                    + "fallback:<id>,<id>, cheapest[:<ids>] or fastest[:<ids>]");
        }
        if (kind == Kind.SINGLE && ids.size() != 1) {
            throw new ConfigurationException("VIDEOGEN4J_ROUTING=" + spec + ": single takes exactly one provider id");
        }
        if (kind == Kind.FALLBACK && ids.isEmpty()) {
            throw new ConfigurationException("VIDEOGEN4J_ROUTING=" + spec + ": fallback needs provider ids in order");
        }
        return new RoutingPolicy(kind, ids);
    }

    public RoutingPolicy withProviders(List<String> ids) {
        return new RoutingPolicy(kind, ids);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (providers.isEmpty() ? "" : ":" + String.join(",", providers));
    }
}
