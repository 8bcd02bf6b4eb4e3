package fr.vigie.job;

import fr.vigie.audit.model.Finding;
import fr.vigie.audit.waivers.WaiverLoader;
import fr.vigie.audit.waivers.Waivers;
import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.sources.DealSource;
import fr.vigie.strategy.PlanLoader;
import fr.vigie.workspace.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code vigie validate}: reads a workspace as an audit would (settings, processes, rules, mappings
 * of exports, strategy and each period's tactics, waivers) and finds the contradictions written
 * between the CEO's strategy and each quarter's tactics, without reading a deal: what it calls an
 * error is what an audit refuses.
 */
public final class CheckingAWorkspace {

    /**
     * What the check found: every problem, located; how many processes and rules the workspace has
     * (none counted when it has errors); the language its messages are in; and the plan of each
     * period with its contradictions, those waivers.yaml waives apart.
     */
    public record Check(
            List<Problem> problems, int processes, int rules, Locale language, List<Plan> plans) {

        public Check {
            problems = List.copyOf(problems);
            plans = List.copyOf(plans);
        }

        public long errors() {
            return problems.stream().filter(Problem::isError).count();
        }

        /** The contradictions written in every plan, waived ones excluded. */
        public List<Finding> contradictions() {
            return plans.stream().flatMap(plan -> plan.split().kept().stream()).toList();
        }

        /** How many contradictions waivers.yaml waives, in every plan. */
        public long waived() {
            return plans.stream().mapToLong(plan -> plan.split().waived().size()).sum();
        }
    }

    /**
     * A period's plan as read, and its contradictions as an audit of the period would keep or waive
     * them.
     */
    public record Plan(PlanCheck.Result result, Waivers.Split split) {}

    /**
     * Checks {@code workspace}, its contradictions written in {@code language} (null: the
     * workspace's).
     */
    public Check check(Path workspace, Path standardRules, Locale language) {
        Problems problems = new Problems();
        PreparedWorkspace prepared = PreparedWorkspace.load(workspace, standardRules, problems);
        Locale messages = language != null ? language : prepared.workspace().settings().language();
        List<Plan> plans = new ArrayList<>();
        if (!problems.hasErrors()) {
            DealSource.checkMappings(prepared.workspace(), problems);
            var waivers = WaiverLoader.load(prepared.workspace(), prepared.rules(), problems);
            for (Period period : periods(prepared, problems)) {
                PlanCheck.Result result = PlanCheck.run(prepared, period, messages, problems);
                plans.add(
                        new Plan(
                                result,
                                new Waivers(waivers, period.lastDay())
                                        .split(result.contradictions())));
            }
        }
        boolean read = !problems.hasErrors();
        return new Check(
                problems.all(),
                read ? prepared.workspace().processes().size() : 0,
                read ? prepared.rules().catalog().size() : 0,
                messages,
                read ? plans : List.of());
    }

    /**
     * The periods of the tactics files; with none, the strategy is checked alone, for this year.
     */
    private static List<Period> periods(PreparedWorkspace prepared, Problems problems) {
        List<Period> periods = PlanLoader.tacticsPeriods(prepared.workspace(), problems);
        if (periods.isEmpty()) {
            return List.of(Period.parse(String.valueOf(LocalDate.now().getYear())).orElseThrow());
        }
        return periods;
    }
}
