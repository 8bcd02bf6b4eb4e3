package fr.vigie.job;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.strategy.PlanLoader;
import fr.vigie.workspace.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code vigie validate} and the server's workspace page check: the settings, processes,
 * strategy, tactics, mappings and rules, every problem located; then, when all is sound, the plan of
 * each tactics file's period against the strategy.
 */
public final class ValidatingAWorkspace {

  /** Every problem found, and the plans checked (none when a problem is an error). */
  public record Result(PreparedWorkspace prepared, List<Problem> problems, List<PlanCheck.Result> plans) {

    public Result {
      problems = List.copyOf(problems);
      plans = List.copyOf(plans);
    }

    public long errors() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  private ValidatingAWorkspace() {}

  /** Checks the workspace at {@code root}; an unreadable folder or settings file is an {@link fr.vigie.common.InvalidInputException}. */
  public static Result check(Path root, Path standardRules) {
    Problems problems = new Problems();
    PreparedWorkspace prepared = PreparedWorkspace.load(root, standardRules, problems);
    List<PlanCheck.Result> plans = new ArrayList<>();
    if (!problems.hasErrors()) {
      DealSource.checkMappings(prepared.workspace(), problems);
      for (Period period : periods(prepared, problems)) {
        plans.add(PlanCheck.run(prepared, period, prepared.workspace().settings().language(), problems));
      }
    }
    return new Result(prepared, problems.all(), problems.hasErrors() ? List.of() : plans);
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
