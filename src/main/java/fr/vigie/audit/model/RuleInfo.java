package fr.vigie.audit.model;

import fr.vigie.common.Location;
import fr.vigie.common.Severity;
import java.util.Map;

/**
 * A rule's stable metadata, read from its DRL annotations: id, version, severity, lever, its
 * parameters with their default values, what it judges ({@code scope}: each deal, or the written
 * plan), which part of the report it belongs to ({@code topic}), where it is written, the rule
 * whose finding on the same deal explains this rule's ({@code explainedBy}, from
 * {@code @explainedBy("RULE-ID")}; null for none): this rule's findings are then folded under that
 * finding as its consequences, and what an export must carry for it to judge a deal ({@code needs},
 * from {@code @needs}).
 */
public record RuleInfo(
        String id,
        String name,
        String version,
        Severity severity,
        Lever lever,
        Map<String, String> params,
        Scope scope,
        Topic topic,
        Location location,
        String pack,
        String explainedBy,
        java.util.Set<fr.vigie.common.Evidence> needs) {

    /** What a rule judges. */
    public enum Scope {
        /** One deal at a time, with the plan's facts beside it. */
        DEAL,
        /** The CEO's strategy and the director's tactics as written, without deals. */
        PLAN,
        /** The figures of the whole run, once every deal is judged: recommendations. */
        REPORT
    }

    /** Which part of the report a rule's findings belong to. */
    public enum Topic {
        PROCESS,
        DATA,
        STRATEGY,
        RIGHTS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RuleInfo {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        needs =
                needs.isEmpty()
                        ? java.util.Set.of()
                        : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(needs));
    }

    /** A rule that judges from what every export carries, explained by no other rule. */
    public RuleInfo(
            String id,
            String name,
            String version,
            Severity severity,
            Lever lever,
            Map<String, String> params,
            Scope scope,
            Topic topic,
            Location location,
            String pack) {
        this(
                id,
                name,
                version,
                severity,
                lever,
                params,
                scope,
                topic,
                location,
                pack,
                null,
                java.util.Set.of());
    }

    /**
     * The evidence this rule needs that {@code carried} lacks, in declaration order; empty when it
     * can judge.
     */
    public java.util.List<fr.vigie.common.Evidence> missing(
            java.util.Set<fr.vigie.common.Evidence> carried) {
        return needs.stream().filter(e -> !carried.contains(e)).sorted().toList();
    }
}
