package dev.videogen4j.emulator.internal;

import dev.videogen4j.emulator.Fault;
import dev.videogen4j.emulator.FaultPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Decides, per request, which fault (if any) the installed {@link FaultPlan} injects. */
public final class FaultInjector {
    private record Script(FaultPlan.Scripted rule, AtomicInteger remaining) {}

    private record Installed(FaultPlan plan, List<Script> scripts) {}

    private final SeededRandom random;
    private volatile Installed installed;

    public FaultInjector(SeededRandom random, FaultPlan plan) {
        this.random = random;
        install(plan);
    }

    /** Replaces the plan; scripted faults of the new plan start with their full counts. */
    public void install(FaultPlan plan) {
        List<Script> scripts = new ArrayList<>();
        for (FaultPlan.Scripted rule : plan.scripted()) {
            scripts.add(new Script(rule, new AtomicInteger(rule.times())));
        }
        installed = new Installed(plan, List.copyOf(scripts));
    }

    public FaultPlan plan() {
        return installed.plan();
    }

    /** The fault for a request of {@code kind} to {@code vendor}, or null for none. */
    public Fault draw(String vendor, String kind) {
        Installed current = installed;
        for (Script script : current.scripts()) {
            if (matches(script.rule().scope(), vendor, kind)
                    && script.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return script.rule().fault();
            }
        }
        List<FaultPlan.Rate> matching = new ArrayList<>();
        for (FaultPlan.Rate rate : current.plan().rates()) {
            if (matches(rate.scope(), vendor, kind)) {
                matching.add(rate);
            }
        }
        if (matching.isEmpty()) {
            return null;
        }
        double draw = random.nextDouble();
        double upper = 0;
        for (FaultPlan.Rate rate : matching) {
            upper += rate.probability();
            if (draw < upper) {
                return rate.fault();
            }
        }
        return null;
    }

    private static boolean matches(String scope, String vendor, String kind) {
        if (scope == null) {
            return vendor.equals("runware") || vendor.equals("fal");
        }
        return scope.equals(vendor) || scope.equals(kind);
    }
}
