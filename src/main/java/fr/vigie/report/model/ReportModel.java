package fr.vigie.report.model;

import fr.vigie.audit.model.Lever;
import fr.vigie.audit.run.AuditSummary;
import fr.vigie.audit.run.Figures;
import java.math.BigDecimal;
import java.util.List;

/**
 * Every figure the reports show, computed once from the run's summary, plan and settings: one
 * model, rendered by one writer per format (Markdown, HTML, PDF). Findings deal by deal are not in
 * it: they are streamed by each writer as the deals come.
 */
public record ReportModel(
    AuditSummary summary,
    Comparison previous,
    List<Recommendation> actions,
    Effectiveness effectiveness,
    List<Recommendation> recommendations,
    List<CatalogueEntry> catalogue) {

  public ReportModel {
    actions = List.copyOf(actions);
    recommendations = List.copyOf(recommendations);
    catalogue = List.copyOf(catalogue);
  }

  /** The previous period's conformity, when its findings.json is beside this run's. */
  public record Comparison(String period, BigDecimal conformityRate, BigDecimal change) {}

  /** Something to act on, derived by a recommendation rule from the run's figures. */
  public record Recommendation(String rule, Lever lever, int weight, String message) {}

  /**
   * Result against objective: revenue won against the quarter's target, and each team's and rep's
   * won revenue against their quota, beside their efficiency figures.
   */
  public record Effectiveness(BigDecimal wonRevenue, BigDecimal target, List<Row> teams, List<Row> people) {

    public Effectiveness {
      teams = List.copyOf(teams);
      people = List.copyOf(people);
    }

    /** Won against target, in percent; null without a target. */
    public BigDecimal attainment() {
      return target == null || target.signum() == 0 ? null : percent(wonRevenue, target);
    }

    /** One team or rep: who, their quota (null when none), and their figures. */
    public record Row(String key, String name, String team, BigDecimal quota, Figures figures) {

      public BigDecimal attainment() {
        return quota == null || quota.signum() == 0 ? null : percent(figures.wonAmount(), quota);
      }
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
      return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, java.math.RoundingMode.HALF_EVEN);
    }
  }

  /** A rule of the run, for the appendix: what was used to judge. */
  public record CatalogueEntry(String id, String version, String title, String severity, Lever lever) {}
}
