package fr.vigie.audit.engine.worker;

import java.util.Locale;

/**
 * Where a workspace's own rules run: in a worker process (the default), or in this process beside
 * the standard pack ({@code --rules-in-process}, for the laptop only); whether the worker runs
 * confined by bubblewrap; the worker's heap.
 *
 * @param inProcess run the workspace's rules in this process (never on the server)
 * @param confinement whether the worker runs under bubblewrap
 * @param heap the worker's {@code -Xmx}, e.g. {@code 256m}
 */
public record RuleIsolation(boolean inProcess, Confinement confinement, String heap) {

    /** The worker's heap unless {@code -Dvigie.ruleWorkerHeap} says otherwise. */
    public static final String HEAP = System.getProperty("vigie.ruleWorkerHeap", "256m");

    /** A worker, confined when bubblewrap works here. */
    public static final RuleIsolation DEFAULT = new RuleIsolation(false, Confinement.AUTO, HEAP);

    public RuleIsolation {
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("heap: a size such as 256m, not " + heap);
        }
    }

    public RuleIsolation withConfinement(Confinement other) {
        return new RuleIsolation(inProcess, other, heap);
    }

    public RuleIsolation inProcess(boolean in) {
        return new RuleIsolation(in, confinement, heap);
    }

    /** Whether the worker runs under bubblewrap. */
    public enum Confinement {
        /** Confined when bubblewrap works on this machine, else not. */
        AUTO,
        /** Always confined: a run whose workspace has rules of its own stops when it cannot be. */
        ALWAYS,
        /** Never confined. */
        NEVER;

        /** {@code auto}, {@code always} or {@code never}; null for anything else. */
        public static Confinement parse(String text) {
            for (Confinement c : values()) {
                if (c.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return c;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
