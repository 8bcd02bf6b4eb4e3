package fr.vigie.job;

import fr.vigie.audit.engine.PlanAuditor;
import fr.vigie.audit.facts.ReportFigures;
import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.prepare.EffectiveRules;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditSummary;
import fr.vigie.audit.run.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a run's summary into the facts the recommendation rules reason over, and runs them. */
public final class Recommendations {

  private Recommendations() {}

  public static AuditContext.Recommender recommender(PreparedWorkspace prepared, Locale language) {
    PlanAuditor auditor = new PlanAuditor(prepared.rules(), prepared.findings(language));
    EffectiveRules rules = prepared.workspaceRules();
    return summary -> auditor.recommend(facts(summary, prepared, rules), rules);
  }

  static List<Object> facts(AuditSummary summary, PreparedWorkspace prepared, EffectiveRules rules) {
    List<Object> facts = new ArrayList<>();
    long audited = summary.dealsAudited();
    long strategy = 0;
    long rights = 0;
    long written = 0;
    for (AuditSummary.RuleCount rule : summary.byRule()) {
      facts.add(new ReportFigures.RuleFindings(rule.rule(), rule.lever().code(), rule.topic().code(), rule.findings(), rule.deals(), audited));
      if (rule.scope() == RuleInfo.Scope.PLAN) {
        written += rule.findings();
      } else if (rule.topic() == RuleInfo.Topic.STRATEGY) {
        strategy += rule.findings();
      } else if (rule.topic() == RuleInfo.Topic.RIGHTS) {
        rights += rule.findings();
      }
    }
    facts.add(new ReportFigures.Run(audited, audited - summary.conformingDeals(), written, strategy, rights));
    for (AuditSummary.FunnelStep step : summary.funnel()) {
      facts.add(new ReportFigures.Step(step.process(), step.stage(), step.label(), step.terminal(), step.reached(), step.flagged()));
    }
    java.math.BigDecimal average = summary.total().conformity() == null ? java.math.BigDecimal.ZERO
        : java.math.BigDecimal.valueOf(100).subtract(summary.total().conformity());
    for (AuditSummary.PersonFigures person : summary.people()) {
      Figures f = person.figures();
      facts.add(new ReportFigures.Person(person.owner(), prepared.workspace().settings().displayName(person.owner()), f.deals(),
          f.dealsWithFindings(), average));
    }
    facts.add(new ReportFigures.ProcessPays(summary.followed().closed(), summary.followed().won(), summary.deviated().closed(), summary.deviated().won()));
    return facts;
  }
}
