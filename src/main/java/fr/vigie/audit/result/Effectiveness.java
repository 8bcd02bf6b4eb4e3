package fr.vigie.audit.result;

import fr.vigie.strategy.model.StrategyItem;
import fr.vigie.strategy.model.TacticItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Result against objective: revenue won against the period's target, and each team's and rep's won
 * revenue against their quota, beside their efficiency figures.
 *
 * @param target null when the strategy sets none for the period
 */
public record Effectiveness(
        BigDecimal wonRevenue, BigDecimal target, List<Row> teams, List<Row> people) {

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
            return quota == null || quota.signum() == 0
                    ? null
                    : percent(figures.wonAmount(), quota);
        }
    }

    /**
     * The figures of {@code summary} against the targets of the scope's strategy and the quotas of
     * its tactics: a team without a quota of its own has the sum of its reps' quotas.
     */
    public static Effectiveness of(AuditScope scope, AuditSummary summary) {
        BigDecimal target = null;
        for (StrategyItem item : scope.plan().strategy()) {
            boolean quarter =
                    item.kind() == StrategyItem.Kind.QUARTER_REVENUE_TARGET
                            && scope.period().label().equals(item.subject());
            boolean year =
                    item.kind() == StrategyItem.Kind.REVENUE_TARGET
                            && scope.period().label().length() == 4;
            if (quarter || year) {
                target = item.value();
            }
        }
        Map<String, BigDecimal> personQuotas = new HashMap<>();
        Map<String, BigDecimal> teamQuotas = new HashMap<>();
        for (TacticItem item : scope.plan().tactics()) {
            if (item.kind() == TacticItem.Kind.QUOTA && item.value() != null) {
                if (item.person() != null) {
                    personQuotas.merge(item.person(), item.value(), BigDecimal::add);
                } else if (item.name() != null) {
                    teamQuotas.merge(item.name(), item.value(), BigDecimal::add);
                }
            }
        }
        List<Row> people = new ArrayList<>();
        Map<String, BigDecimal> teamsFromPeople = new HashMap<>();
        for (AuditSummary.PersonFigures person : summary.people()) {
            BigDecimal quota = personQuotas.get(person.owner());
            if (quota != null && person.team() != null) {
                teamsFromPeople.merge(person.team(), quota, BigDecimal::add);
            }
            people.add(
                    new Row(
                            person.owner(),
                            scope.workspace().settings().displayName(person.owner()),
                            person.team(),
                            quota,
                            person.figures()));
        }
        people.sort(
                Comparator.comparing((Row r) -> r.team() == null ? "" : r.team())
                        .thenComparing(r -> r.figures().wonAmount(), Comparator.reverseOrder())
                        .thenComparing(Row::key));
        List<Row> teams = new ArrayList<>();
        for (AuditSummary.TeamFigures team : summary.teams()) {
            BigDecimal quota =
                    teamQuotas.getOrDefault(team.team(), teamsFromPeople.get(team.team()));
            teams.add(new Row(team.team(), team.team(), team.team(), quota, team.figures()));
        }
        return new Effectiveness(summary.total().wonAmount(), target, teams, people);
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
    }
}
