package fr.vigie.audit.run;

import fr.vigie.audit.model.RuleCatalog;
import fr.vigie.audit.model.Finding;
import fr.vigie.strategy.model.Plan;
import fr.vigie.audit.waivers.WaivedFinding;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Workspace;
import java.util.List;
import java.util.Locale;

/**
 * What every report writer needs to know about the run, including the plan (strategy and tactics),
 * the contradictions found in it before any deal was read (those accepted by a waiver apart), and
 * the waivers.
 */
public record AuditContext(
    Workspace workspace, Period period, RuleCatalog rules, Locale language, Plan plan, List<Finding> planFindings,
    List<WaivedFinding> planWaived, Waivers waivers, java.nio.file.Path outDir, Recommender recommender) {

  /** Draws the recommendations from the run's figures, once every deal is judged. */
  @FunctionalInterface
  public interface Recommender {
    List<Finding> recommend(AuditSummary summary);
  }

  public AuditContext {
    planFindings = List.copyOf(planFindings);
    planWaived = List.copyOf(planWaived);
    Recommender drawing = recommender;
    java.util.Map<AuditSummary, List<Finding>> drawn = new java.util.IdentityHashMap<>();
    recommender = summary -> drawn.computeIfAbsent(summary, drawing::recommend);
  }

  public AuditContext(Workspace workspace, Period period, RuleCatalog rules, Locale language) {
    this(workspace, period, rules, language, Plan.NONE, List.of(), List.of(), Waivers.NONE, null, summary -> List.of());
  }
}
