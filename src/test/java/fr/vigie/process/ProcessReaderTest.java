package fr.vigie.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import fr.vigie.process.model.ProcessVersion;
import fr.vigie.process.model.SalesProcess;
import fr.vigie.yaml.YamlReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessReaderTest {

    static final String VALID =
            """
            process: vente
            applies-to:
              pipelines: [projets]
            stages:
              - id: qualification
                max-days: 20
              - id: proposition
                exit:
                  documents: [devis]
              - id: negociation
            outcomes:
              won: { stage: gagne }
              lost: { stage: perdu }
            backward-moves-allowed:
              - { from: negociation, to: proposition }
            approvals:
              - when: { discount-above: 10 }
                by: [directeur-commercial]
                before: negociation
            """;

    static List<String> problemsOf(String yaml) {
        Problems problems = new Problems();
        new ProcessReader(problems).read(YamlReader.parse(yaml, "p.yaml"));
        return problems.all().stream().map(Problem::toString).toList();
    }

    @Test
    void should_read_a_valid_process_with_terminal_stages_after_the_ordinary_ones() {
        // GIVEN
        Problems problems = new Problems();
        // WHEN
        SalesProcess process = new ProcessReader(problems).read(YamlReader.parse(VALID, "p.yaml"));
        // THEN
        assertThat(problems.all()).isEmpty();
        ProcessVersion version = process.versions().get(0);
        assertThat(version.stageIds())
                .containsExactly("qualification", "proposition", "negociation", "gagne", "perdu");
        assertThat(version.stage("gagne").orElseThrow().order()).isEqualTo(3);
        assertThat(version.allowsBackward("negociation", "proposition")).isTrue();
        assertThat(version.approvals().get(0).before()).isEqualTo("negociation");
    }

    @Test
    void should_point_at_an_unknown_key_and_suggest_the_right_one() {
        assertThat(problemsOf(VALID.replace("max-days: 20", "max-dayz: 20")))
                .containsExactly(
                        "p.yaml:6:5: unknown key 'max-dayz' in stage 1 (did you mean 'max-days'?)");
    }

    @Test
    void should_point_at_a_misspelt_stage_in_a_transition() {
        assertThat(problemsOf(VALID.replace("to: proposition }", "to: propsal }")))
                .containsExactly(
                        "p.yaml:15:30: unknown stage 'propsal' in a backward move (did you mean"
                                + " 'proposition'?)");
    }

    @Test
    void should_refuse_a_backward_move_that_goes_forward() {
        assertThat(
                        problemsOf(
                                VALID.replace(
                                        "{ from: negociation, to: proposition }",
                                        "{ from: qualification, to: negociation }")))
                .singleElement()
                .asString()
                .startsWith(
                        "p.yaml:15:5: impossible backward move: 'qualification' comes before"
                                + " 'negociation'");
    }

    @Test
    void should_refuse_contradictory_discount_thresholds() {
        assertThat(
                        problemsOf(
                                VALID.replace(
                                        "{ discount-above: 10 }",
                                        "{ discount-above: 20, discount-up-to: 10 }")))
                .containsExactly(
                        "p.yaml:17:49: contradictory thresholds: discount-up-to 10 is not above"
                                + " discount-above 20");
    }

    @Test
    void should_refuse_contradictory_amounts_in_applies_to() {
        assertThat(
                        problemsOf(
                                VALID.replace(
                                        "  pipelines: [projets]",
                                        "  amount: { min: 500, max: 100 }")))
                .containsExactly("p.yaml:3:18: contradictory amounts: min 500 is above max 100");
    }

    @Test
    void should_refuse_a_stage_declared_twice_and_an_outcome_that_reuses_a_stage() {
        assertThat(
                        problemsOf(
                                VALID.replace("- id: negociation", "- id: proposition")
                                        .replace(
                                                "won: { stage: gagne }",
                                                "won: { stage: qualification }")))
                .startsWith(
                        "p.yaml:10:5: stage 'proposition' is declared twice",
                        "p.yaml:12:17: stage 'qualification' is both an ordinary stage and the"
                                + " 'won' outcome: give the outcome its own stage");
    }

    @Test
    void should_refuse_a_value_of_the_wrong_kind() {
        assertThat(problemsOf(VALID.replace("max-days: 20", "max-days: vingt")))
                .containsExactly(
                        "p.yaml:6:15: 'max-days' in stage 1 must be a whole number, not 'vingt'");
    }

    @Test
    void should_choose_the_version_in_force_on_a_date() {
        // GIVEN
        String yaml =
                """
                process: vente
                versions:
                  - version: "1"
                    effective-from: 2026-01-01
                    stages: [{ id: a }]
                    outcomes: { won: { stage: w }, lost: { stage: l } }
                  - version: "2"
                    effective-from: 2026-08-01
                    stages: [{ id: a }, { id: b }]
                    outcomes: { won: { stage: w }, lost: { stage: l } }
                """;
        Problems problems = new Problems();
        // WHEN
        SalesProcess process = new ProcessReader(problems).read(YamlReader.parse(yaml, "p.yaml"));
        // THEN
        assertThat(problems.all()).isEmpty();
        assertThat(process.versionAt(LocalDate.of(2026, 7, 31)).orElseThrow().version())
                .isEqualTo("1");
        assertThat(process.versionAt(LocalDate.of(2026, 8, 1)).orElseThrow().version())
                .isEqualTo("2");
        assertThat(process.versionAt(LocalDate.of(2025, 12, 31))).isEmpty();
    }

    @Test
    void should_refuse_versions_out_of_date_order() {
        String yaml =
                """
                process: vente
                versions:
                  - version: "1"
                    effective-from: 2026-08-01
                    stages: [{ id: a }]
                    outcomes: { won: { stage: w }, lost: { stage: l } }
                  - version: "2"
                    effective-from: 2026-01-01
                    stages: [{ id: a }]
                    outcomes: { won: { stage: w }, lost: { stage: l } }
                """;
        assertThat(problemsOf(yaml))
                .containsExactly(
                        "p.yaml:8:21: versions must be listed by date: 2026-01-01 is not after the"
                                + " previous version's 2026-08-01");
    }

    @Test
    void should_require_a_reason_for_every_rule_override() {
        assertThat(problemsOf(VALID + "rules:\n  PROC-STALE-STAGE: { enabled: false }\n"))
                .containsExactly(
                        "p.yaml:21:3: the override of rule PROC-STALE-STAGE needs a 'reason' (it is"
                                + " shown in the report beside the override)");
    }
}
