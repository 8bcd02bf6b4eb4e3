package fr.vigie.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.strategy.model.DecisionRight;
import fr.vigie.strategy.model.Plan;
import fr.vigie.strategy.model.StrategyItem;
import fr.vigie.strategy.model.TacticItem;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.Person;
import fr.vigie.yaml.YamlReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    static final Period Q3 = Period.parse("2026-Q3").orElseThrow();
    static final Map<String, Person> PEOPLE =
            Map.of(
                    "p.durand", new Person("p.durand", "Philippe Durand", "dirigeant", null),
                    "s.morel", new Person("s.morel", "Sophie Morel", "directeur-commercial", null));

    Problems problems = new Problems();

    Plan read(String strategy, String tactics) {
        return new PlanReader(problems, PEOPLE)
                .read(
                        strategy == null ? null : YamlReader.parse(strategy, "strategy.yaml"),
                        "strategy.yaml",
                        tactics == null ? null : YamlReader.parse(tactics, "tactics/2026-Q3.yaml"),
                        "tactics/2026-Q3.yaml",
                        Q3);
    }

    List<String> problems() {
        return problems.all().stream().map(Problem::toString).toList();
    }

    @Test
    void should_read_the_strategy_as_located_facts_and_take_the_owners_role_from_vigie_yaml() {
        // GIVEN
        String strategy =
                """
                owner: p.durand
                year: 2026
                targets: { revenue: 8000000 }
                segments: { excluded: [TPE] }
                decision-rights:
                  directeur-commercial: [quota, { discount-approval: { above: 10, up-to: 20 } }]
                """;
        // WHEN
        Plan plan = read(strategy, null);
        // THEN
        assertThat(problems()).isEmpty();
        assertThat(plan.strategyOwner()).get().extracting(o -> o.role()).isEqualTo("dirigeant");
        assertThat(plan.strategy())
                .extracting(StrategyItem::kind, StrategyItem::subject, i -> i.location().toString())
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                StrategyItem.Kind.EXCLUDED_SEGMENT, "TPE", "strategy.yaml:4:24"));
        assertThat(plan.strategy())
                .filteredOn(i -> i.kind() == StrategyItem.Kind.QUARTER_REVENUE_TARGET)
                .singleElement()
                .satisfies(q -> assertThat(q.value()).isEqualByComparingTo("2000000"));
        DecisionRight band = plan.rights().get(1);
        assertThat(band.covers("discount-approval", new BigDecimal("15"))).isTrue();
        assertThat(band.covers("discount-approval", new BigDecimal("10"))).isFalse();
        assertThat(band.covers("discount-approval", new BigDecimal("20.5"))).isFalse();
    }

    @Test
    void should_point_at_unknown_keys_people_and_periods() {
        // GIVEN
        String tactics =
                """
                owner: s.morrel
                period: 2026-Q4
                campaings: []
                quotas:
                  - { person: c.martin, team: Nord, amount: 10 }
                """;
        // WHEN
        read(null, tactics);
        // THEN
        assertThat(problems())
                .containsExactly(
                        "tactics/2026-Q3.yaml:1:8: 's.morrel' is not in the people of vigie.yaml"
                                + " (did you mean 's.morel'?)",
                        "tactics/2026-Q3.yaml:2:9: these tactics are for 2026-Q4, not for 2026-Q3:"
                                + " name the file after its period",
                        "tactics/2026-Q3.yaml:3:1: unknown key 'campaings' in the tactics file (did"
                                + " you mean 'campaigns'?)",
                        "tactics/2026-Q3.yaml:5:5: a quota is for one 'person' or one 'team'",
                        "tactics/2026-Q3.yaml:5:15: 'c.martin' is not in the people of vigie.yaml");
    }

    @Test
    void should_refuse_a_segment_both_focused_and_excluded_and_a_grid_that_goes_down() {
        read(
                "owner: p.durand\nyear: 2026\nsegments: { focus: [PME], excluded: [PME] }\n",
                "owner: s.morel\n"
                        + "period: 2026-Q3\n"
                        + "discount-grid:\n"
                        + "  - { up-to: 10, approver: commercial }\n"
                        + "  - { up-to: 5, approver: dirigeant }\n");
        assertThat(problems())
                .containsExactly(
                        "strategy.yaml:3:38: segment 'PME' is both a focus (line 3) and excluded",
                        "tactics/2026-Q3.yaml:5:14: the discount grid goes up band by band: 5 is"
                                + " not above 10");
    }

    @Test
    void should_read_the_tactics_items_with_their_lines() {
        Plan plan =
                read(
                        null,
                        """
                        owner: s.morel
                        period: 2026-Q3
                        campaigns:
                          - { id: c1, name: Rentrée, segments: [TPE], products: [MAINT], offer: { discount: 12 }, from: 2026-09-01, to: 2026-09-30 }
                        stage-rules:
                          - { process: vente-projet, stage: negociation, max-days: 60, reason: salon }
                        """);
        assertThat(problems()).isEmpty();
        assertThat(plan.tactics())
                .extracting(TacticItem::kind, t -> t.location().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TacticItem.Kind.CAMPAIGN, 4),
                        org.assertj.core.groups.Tuple.tuple(TacticItem.Kind.STAGE_RULE_CHANGE, 6));
        assertThat(plan.tactics().get(0).promotes("MAINT")).isTrue();
        assertThat(plan.tactics().get(0).promotes("MAINT-2027")).isTrue();
        assertThat(plan.tactics().get(0).promotes("LIGNE")).isFalse();
    }
}
