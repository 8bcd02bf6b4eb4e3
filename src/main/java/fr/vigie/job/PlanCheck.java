package fr.vigie.job;

import fr.vigie.audit.engine.PlanAuditor;
import fr.vigie.audit.model.Finding;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.strategy.PlanLoader;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Period;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads a period's plan, checks it against the processes, and finds its written contradictions. */
public final class PlanCheck {

  /** The plan and what is contradictory in it as written. */
  public record Result(Plan plan, List<Finding> contradictions) {}

  private PlanCheck() {}

  public static Result run(PreparedWorkspace prepared, Period period, Locale language, Problems problems) {
    Plan plan = PlanLoader.load(prepared.workspace(), period, problems);
    checkStageRules(prepared, plan, problems);
    if (problems.hasErrors() || prepared.rules() == null) {
      return new Result(plan, List.of());
    }
    return new Result(plan, new PlanAuditor(prepared.rules(), prepared.findings(language)).audit(plan.facts(), List.of(period), prepared.workspaceRules()));
  }

  private static void checkStageRules(PreparedWorkspace prepared, Plan plan, Problems problems) {
    for (TacticItem change : plan.tactics()) {
      if (change.kind() != TacticItem.Kind.STAGE_RULE_CHANGE || change.id() == null) {
        continue;
      }
      Set<String> processes = new TreeSet<>();
      Set<String> stages = new TreeSet<>();
      for (SalesProcess process : prepared.workspace().processes()) {
        processes.add(process.id());
        if (change.process() == null || change.process().equals(process.id())) {
          process.versions().stream().map(ProcessVersion::stageIds).forEach(stages::addAll);
        }
      }
      if (change.process() != null && !processes.contains(change.process())) {
        problems.error(change.location(), "unknown process '" + change.process() + "'" + DidYouMean.hint(change.process(), processes));
      } else if (!stages.contains(change.id())) {
        problems.error(change.location(), "unknown stage '" + change.id() + "'" + DidYouMean.hint(change.id(), stages));
      }
    }
  }
}
