package fr.vigie.report.model;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.run.AuditContext;
import fr.vigie.audit.run.AuditSummary;
import fr.vigie.audit.run.Figures;
import fr.vigie.strategy.model.StrategyItem;
import fr.vigie.strategy.model.TacticItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes the report's model from the run's summary, plan, settings and the previous period. */
public final class ReportModelBuilder {

  private ReportModelBuilder() {}

  public static ReportModel build(AuditContext context, AuditSummary summary) {
    List<ReportModel.Recommendation> recommendations = new ArrayList<>();
    for (Finding finding : context.recommender().recommend(summary)) {
      Object weight = finding.evidence().get("weight");
      recommendations.add(new ReportModel.Recommendation(finding.rule(), finding.lever(),
          weight instanceof Number n ? n.intValue() : 0, finding.message()));
    }
    Map<String, fr.vigie.common.Severity> severities = new HashMap<>();
    context.rules().catalog().forEach(r -> severities.put(r.id(), r.severity()));
    recommendations.sort(Comparator.comparing((ReportModel.Recommendation r) -> severities.get(r.rule())).reversed()
        .thenComparing(Comparator.comparingInt(ReportModel.Recommendation::weight).reversed())
        .thenComparing(ReportModel.Recommendation::rule));
    List<ReportModel.CatalogueEntry> catalogue = context.rules().catalog().stream()
        .map(r -> new ReportModel.CatalogueEntry(r.id(), r.version(), context.rules().messages().title(context.language(), r.id()),
            r.severity().code(), r.lever()))
        .toList();
    return new ReportModel(
        summary,
        PreviousPeriod.compare(context.outDir(), context.period(), summary.conformityRate()).orElse(null),
        recommendations.subList(0, Math.min(3, recommendations.size())),
        effectiveness(context, summary),
        recommendations,
        catalogue);
  }

  private static ReportModel.Effectiveness effectiveness(AuditContext context, AuditSummary summary) {
    BigDecimal target = null;
    for (StrategyItem item : context.plan().strategy()) {
      boolean quarter = item.kind() == StrategyItem.Kind.QUARTER_REVENUE_TARGET && context.period().label().equals(item.subject());
      boolean year = item.kind() == StrategyItem.Kind.REVENUE_TARGET && context.period().label().length() == 4;
      if (quarter || year) {
        target = item.value();
      }
    }
    Map<String, BigDecimal> personQuotas = new HashMap<>();
    Map<String, BigDecimal> teamQuotas = new HashMap<>();
    for (TacticItem item : context.plan().tactics()) {
      if (item.kind() == TacticItem.Kind.QUOTA && item.value() != null) {
        if (item.person() != null) {
          personQuotas.merge(item.person(), item.value(), BigDecimal::add);
        } else if (item.name() != null) {
          teamQuotas.merge(item.name(), item.value(), BigDecimal::add);
        }
      }
    }
    List<ReportModel.Effectiveness.Row> people = new ArrayList<>();
    Map<String, BigDecimal> teamsFromPeople = new HashMap<>();
    for (AuditSummary.PersonFigures person : summary.people()) {
      BigDecimal quota = personQuotas.get(person.owner());
      if (quota != null && person.team() != null) {
        teamsFromPeople.merge(person.team(), quota, BigDecimal::add);
      }
      people.add(new ReportModel.Effectiveness.Row(person.owner(), context.workspace().settings().displayName(person.owner()), person.team(), quota,
          person.figures()));
    }
    people.sort(Comparator.comparing((ReportModel.Effectiveness.Row r) -> r.team() == null ? "" : r.team())
        .thenComparing(r -> r.figures().wonAmount(), Comparator.reverseOrder()).thenComparing(ReportModel.Effectiveness.Row::key));
    List<ReportModel.Effectiveness.Row> teams = new ArrayList<>();
    for (AuditSummary.TeamFigures team : summary.teams()) {
      BigDecimal quota = teamQuotas.getOrDefault(team.team(), teamsFromPeople.get(team.team()));
      teams.add(new ReportModel.Effectiveness.Row(team.team(), team.team(), team.team(), quota, team.figures()));
    }
    Figures total = summary.total();
    return new ReportModel.Effectiveness(total.wonAmount(), target, teams, people);
  }
}
