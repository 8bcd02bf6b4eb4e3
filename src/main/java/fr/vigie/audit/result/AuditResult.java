package fr.vigie.audit.result;

import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.common.Severity;
import java.util.List;

/**
 * The one result of an audit, made once every deal is judged, that every report renders and the
 * command line prints: the scope, the figures, results against objectives, the recommendations, the
 * change since the previous period, the waivers applied, the rule settings in force and the rules
 * used. Findings deal by deal are not in it: they stream to the writers as the deals come.
 *
 * @param previous the previous period's conformity, when its findings.json is beside this run's;
 *     null otherwise
 */
public record AuditResult(
        AuditScope scope,
        AuditSummary summary,
        Effectiveness effectiveness,
        List<Recommendation> recommendations,
        Comparison previous,
        Waivers.Applied waivers,
        List<SettingInForce> settings,
        List<RuleUsed> rules) {

    /** How many recommendations the summary puts first, as the things to act on. */
    public static final int ACTIONS = 3;

    public AuditResult {
        recommendations = List.copyOf(recommendations);
        settings = List.copyOf(settings);
        rules = List.copyOf(rules);
    }

    /** The recommendations to act on first: the {@value #ACTIONS} most important. */
    public List<Recommendation> actions() {
        return recommendations.subList(0, Math.min(ACTIONS, recommendations.size()));
    }

    /**
     * Whether there is something to say about strategy and tactics: a plan, a contradiction written
     * in it, or a decision outside the decision rights.
     */
    public boolean hasPlanTopics() {
        return !scope.plan().isEmpty()
                || !scope.planFindings().isEmpty()
                || summary.findings(RuleInfo.Topic.RIGHTS) > 0;
    }

    /**
     * Above this share of rejected records (in percent), the console and the report warn, unless
     * vigie.yaml's max-rejected says another.
     */
    public static final java.math.BigDecimal REJECTED_WARNING = java.math.BigDecimal.valueOf(5);

    /**
     * The share of rejected records above which the report and the console warn: vigie.yaml's
     * max-rejected, else 5 %.
     */
    public java.math.BigDecimal rejectedWarning() {
        java.math.BigDecimal max = scope.workspace().settings().maxRejected();
        return max != null ? max : REJECTED_WARNING;
    }

    /**
     * Whether more than {@code max} percent of the period's records were rejected; never with a
     * null max.
     */
    public boolean rejectedAbove(java.math.BigDecimal max) {
        return max != null && summary.rejectedPercent().compareTo(max) > 0;
    }

    /** Whether a finding is at or above {@code threshold}; never with a null threshold. */
    public boolean hasFindingAtOrAbove(Severity threshold) {
        return threshold != null
                && summary.maxSeverity().filter(s -> s.compareTo(threshold) >= 0).isPresent();
    }
}
