package fr.vigie.job;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.sources.DealSource;
import fr.vigie.strategy.PlanLoader;
import fr.vigie.workspace.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code vigie validate}: reads a workspace as an audit would (settings, processes, rules, mappings
 * of exports, strategy and each period's tactics) and finds the contradictions written between the
 * CEO's strategy and each quarter's tactics, without reading a deal.
 */
public final class CheckingAWorkspace {

  /**
   * What the check found: every problem, located; how many processes and rules the workspace has
   * (none counted when it has errors); and the plan of each period with a tactics file, with its contradictions.
   */
  public record Check(List<Problem> problems, int processes, int rules, List<PlanCheck.Result> plans) {

    public Check {
      problems = List.copyOf(problems);
      plans = List.copyOf(plans);
    }

    public long errors() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  public Check check(Path workspace, Path standardRules) {
    Problems problems = new Problems();
    PreparedWorkspace prepared = PreparedWorkspace.load(workspace, standardRules, problems);
    List<PlanCheck.Result> plans = new ArrayList<>();
    if (!problems.hasErrors()) {
      DealSource.checkMappings(prepared.workspace(), problems);
      for (Period period : periods(prepared, problems)) {
        plans.add(PlanCheck.run(prepared, period, prepared.workspace().settings().language(), problems));
      }
    }
    boolean read = !problems.hasErrors();
    return new Check(problems.all(), read ? prepared.workspace().processes().size() : 0, read ? prepared.rules().catalog().size() : 0, plans);
  }

  /** The periods of the tactics files; with none, the strategy is checked alone, for this year. */
  private static List<Period> periods(PreparedWorkspace prepared, Problems problems) {
    List<Period> periods = PlanLoader.tacticsPeriods(prepared.workspace(), problems);
    if (periods.isEmpty()) {
      return List.of(Period.parse(String.valueOf(LocalDate.now().getYear())).orElseThrow());
    }
    return periods;
  }
}
