package fr.vigie.audit.engine;

import fr.vigie.audit.facts.Violation;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.model.Finding;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.common.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Judges what is not a deal, once per run: the written plan (the CEO's strategy against the
 * director's tactics, rules of scope "plan"), and the run's figures once every deal is judged
 * (recommendations, rules of scope "report").
 */
public final class PlanAuditor {

    private final RuleBase base;
    private final FindingFactory findings;

    public PlanAuditor(RuleBase base, FindingFactory findings) {
        this.base = base;
        this.findings = findings;
    }

    /**
     * The contradictions between the plan's facts; {@code context} adds facts such as the period.
     */
    public List<Finding> audit(List<Object> planFacts, List<Object> context, EffectiveRules rules) {
        if (planFacts.isEmpty()) {
            return List.of();
        }
        return run(planFacts, context, rules, RuleInfo.Scope.PLAN);
    }

    /** The recommendations the report rules draw from the run's figures. */
    public List<Finding> recommend(List<Object> figures, EffectiveRules rules) {
        return run(figures, List.of(), rules, RuleInfo.Scope.REPORT);
    }

    private List<Finding> run(
            List<Object> planFacts,
            List<Object> context,
            EffectiveRules rules,
            RuleInfo.Scope scope) {
        List<Map.Entry<Violation, RuleInfo>> inserted = new ArrayList<>();
        for (org.kie.api.KieBase part : base.parts()) {
            KieSession session = part.newKieSession();
            try {
                session.addEventListener(
                        new DefaultRuleRuntimeEventListener() {
                            @Override
                            public void objectInserted(ObjectInsertedEvent event) {
                                if (event.getRule() != null
                                        && event.getObject() instanceof Violation violation) {
                                    inserted.add(Map.entry(violation, base.info(event.getRule())));
                                }
                            }
                        });
                Firing firing = new Firing(session);
                try {
                    planFacts.forEach(session::insert);
                    context.forEach(session::insert);
                    rules.params().forEach(session::insert);
                    firing.fire(
                            match -> {
                                RuleInfo rule = base.info(match.getRule());
                                return rule != null
                                        && rule.scope() == scope
                                        && rules.isEnabled(rule.id());
                            },
                            DealAuditor.DEFAULT_MAX_FIRINGS,
                            DealAuditor.TIME_LIMIT_MILLIS);
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    throw failed(firing, e, scope);
                }
            } finally {
                session.dispose();
            }
        }
        return findings(inserted, rules, scope);
    }

    /**
     * A plan or report rule that failed: named with its file and line, what it judged, and why (the
     * plan is judged once, so the run stops on it).
     */
    private fr.vigie.common.RuleProblemException failed(
            Firing firing, Throwable e, RuleInfo.Scope scope) {
        org.kie.api.definition.rule.Rule rule = firing.blamed(e);
        RuleInfo info = rule == null ? null : base.info(rule);
        return Firing.problem(
                info == null ? "a rule" : "rule " + info.id() + " (" + info.location() + ")",
                info != null,
                Firing.cause(e),
                scope == RuleInfo.Scope.PLAN ? "the strategy and tactics" : "the run's figures",
                DealAuditor.DEFAULT_MAX_FIRINGS,
                DealAuditor.TIME_LIMIT_MILLIS);
    }

    private List<Finding> findings(
            List<Map.Entry<Violation, RuleInfo>> inserted,
            EffectiveRules rules,
            RuleInfo.Scope scope) {
        Map<String, Finding> byId = new HashMap<>();
        Map<String, Location> where = new HashMap<>();
        for (Map.Entry<Violation, RuleInfo> entry : inserted) {
            RuleInfo rule = entry.getValue();
            Finding finding =
                    findings.create(
                            rule,
                            rules.severity(rule.id()),
                            entry.getKey(),
                            scope == RuleInfo.Scope.PLAN ? "plan" : "report");
            byId.merge(
                    finding.id(),
                    finding,
                    (a, b) -> a.message().compareTo(b.message()) <= 0 ? a : b);
            where.put(
                    finding.id(),
                    entry.getKey().subject() == null
                            ? Location.of("")
                            : entry.getKey().subject().location());
        }
        List<Finding> result = new ArrayList<>(byId.values());
        result.sort(
                Comparator.comparing((Finding f) -> where.get(f.id()).file())
                        .thenComparingInt(f -> where.get(f.id()).line())
                        .thenComparing(Finding::rule)
                        .thenComparing(Finding::id));
        return result;
    }
}
