package fr.vigie.job;

import fr.vigie.audit.engine.PlanAuditor;
import fr.vigie.audit.model.Finding;
import fr.vigie.common.Problems;
import fr.vigie.strategy.PlanLoader;
import fr.vigie.strategy.model.Plan;
import fr.vigie.workspace.Period;
import java.util.List;
import java.util.Locale;

/**
 * Reads a period's plan (checked against the processes as it is read) and finds the contradictions
 * written in it.
 */
public final class PlanCheck {

    /** The plan and what is contradictory in it as written. */
    public record Result(Plan plan, List<Finding> contradictions) {}

    private PlanCheck() {}

    public static Result run(
            PreparedWorkspace prepared, Period period, Locale language, Problems problems) {
        Plan plan = PlanLoader.load(prepared.workspace(), period, problems);
        if (problems.hasErrors() || prepared.rules() == null) {
            return new Result(plan, List.of());
        }
        return new Result(
                plan,
                new PlanAuditor(prepared.rules(), prepared.findings(language))
                        .audit(plan.facts(), List.of(period), prepared.workspaceRules()));
    }
}
