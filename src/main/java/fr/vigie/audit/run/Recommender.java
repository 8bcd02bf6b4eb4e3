package fr.vigie.audit.run;

import fr.vigie.audit.engine.PlanAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.facts.ReportFigures;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.Figures;
import fr.vigie.audit.result.Recommendation;
import fr.vigie.common.Severity;
import fr.vigie.workspace.WorkspaceSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws a run's recommendations once every deal is judged: its summary becomes the facts the
 * recommendation rules (scope "report") reason over, and their findings become recommendations,
 * ranked by the money at stake in the deals they are about (their {@code atStake} evidence), then
 * the most severe, then the heaviest.
 */
public final class Recommender {

    private final RuleBase rules;
    private final PlanAuditor auditor;
    private final EffectiveRules inForce;
    private final WorkspaceSettings settings;

    /**
     * {@code inForce}: the rules with the workspace's settings; recommendations are written in
     * {@code language}.
     */
    public Recommender(
            RuleBase rules, EffectiveRules inForce, WorkspaceSettings settings, Locale language) {
        this.rules = rules;
        this.auditor =
                new PlanAuditor(rules, new FindingFactory(rules.messages(), language, settings));
        this.inForce = inForce;
        this.settings = settings;
    }

    public List<Recommendation> recommend(AuditSummary summary) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (Finding finding : auditor.recommend(facts(summary), inForce)) {
            Object weight = finding.evidence().get("weight");
            Object atStake = finding.evidence().get("atStake");
            recommendations.add(
                    new Recommendation(
                            finding.rule(),
                            finding.lever(),
                            atStake instanceof Number n
                                    ? new BigDecimal(n.toString())
                                    : BigDecimal.ZERO,
                            weight instanceof Number n ? n.intValue() : 0,
                            finding.message()));
        }
        recommendations.sort(
                Comparator.comparing(Recommendation::atStake)
                        .reversed()
                        .thenComparing(
                                Comparator.comparing((Recommendation r) -> severity(r.rule()))
                                        .reversed())
                        .thenComparing(Comparator.comparingInt(Recommendation::weight).reversed())
                        .thenComparing(Recommendation::rule));
        return recommendations;
    }

    private Severity severity(String rule) {
        return rules.rule(rule).map(RuleInfo::severity).orElseThrow();
    }

    /**
     * The summary as facts: one per rule with findings, the run, each step of each funnel, each
     * rep, and whether the process pays.
     */
    private List<Object> facts(AuditSummary summary) {
        List<Object> facts = new ArrayList<>();
        long audited = summary.dealsAudited();
        long strategy = 0;
        long rights = 0;
        long written = 0;
        for (AuditSummary.RuleCount rule : summary.byRule()) {
            facts.add(
                    new ReportFigures.RuleFindings(
                            rule.rule(),
                            rule.lever().code(),
                            rule.topic().code(),
                            rule.findings(),
                            rule.deals(),
                            audited));
            if (rule.scope() == RuleInfo.Scope.PLAN) {
                written += rule.findings();
            } else if (rule.topic() == RuleInfo.Topic.STRATEGY) {
                strategy += rule.findings();
            } else if (rule.topic() == RuleInfo.Topic.RIGHTS) {
                rights += rule.findings();
            }
        }
        for (AuditSummary.RuleCombination combination : summary.combinations()) {
            java.util.Set<String> topics = new java.util.TreeSet<>();
            combination
                    .rules()
                    .forEach(r -> rules.rule(r).ifPresent(info -> topics.add(info.topic().code())));
            facts.add(
                    new ReportFigures.DealsWith(
                            new java.util.TreeSet<>(combination.rules()),
                            topics,
                            combination.deals(),
                            combination.atStake()));
        }
        facts.add(
                new ReportFigures.Run(
                        audited,
                        audited - summary.conformingDeals(),
                        written,
                        strategy,
                        rights,
                        summary.atStake(RuleInfo.Topic.STRATEGY)));
        for (AuditSummary.FunnelStep step : summary.funnel()) {
            facts.add(
                    new ReportFigures.Step(
                            step.process(),
                            step.stage(),
                            step.label(),
                            step.terminal(),
                            step.reached(),
                            step.flagged()));
        }
        BigDecimal average =
                summary.total().conformity() == null
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(100).subtract(summary.total().conformity());
        for (AuditSummary.PersonFigures person : summary.people()) {
            Figures f = person.figures();
            facts.add(
                    new ReportFigures.Person(
                            person.owner(),
                            settings.displayName(person.owner()),
                            f.deals(),
                            f.dealsWithFindings(),
                            average));
        }
        facts.add(
                new ReportFigures.ProcessPays(
                        summary.followed().closed(),
                        summary.followed().won(),
                        summary.deviated().closed(),
                        summary.deviated().won()));
        return facts;
    }
}
