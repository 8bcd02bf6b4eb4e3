package fr.vigie.report;

import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditSummary;
import java.math.BigDecimal;
import java.util.List;

/** The strategy-and-tactics figures every report shows: decisions against the strategy, decisions outside the rights. */
public final class PlanTopics {

  private PlanTopics() {}

  /** Whether the report has a strategy-and-tactics section: a plan, a written contradiction, or a decision outside the rights. */
  public static boolean shown(AuditContext context, AuditSummary summary) {
    return !context.plan().isEmpty() || !context.planFindings().isEmpty() || findings(summary, RuleInfo.Topic.RIGHTS) > 0;
  }

  /** The rules of a topic judged on deals, with their counts. */
  public static List<AuditSummary.RuleCount> dealRules(AuditSummary summary, RuleInfo.Topic topic) {
    return summary.byRule().stream().filter(r -> r.topic() == topic && r.scope() == RuleInfo.Scope.DEAL).toList();
  }

  public static long findings(AuditSummary summary, RuleInfo.Topic topic) {
    return dealRules(summary, topic).stream().mapToLong(AuditSummary.RuleCount::findings).sum();
  }

  /** The amount at stake in the findings of a topic, in the workspace currency. */
  public static BigDecimal atStake(AuditSummary summary, RuleInfo.Topic topic) {
    return dealRules(summary, topic).stream().map(AuditSummary.RuleCount::atStake).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
