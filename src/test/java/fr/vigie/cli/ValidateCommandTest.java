package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.job.CheckingAWorkspace;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigie validate refuses what vigie audit refuses, and says in one line what it found, in words
 * that match its exit code.
 */
class ValidateCommandTest {

    @TempDir Path dir;
    Path workspace;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void a_small_workspace() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
    }

    int vigie(String... args) {
        return CliTest.withTestRules(out, err, args);
    }

    void aTacticsCampaignOnAnExcludedSegment() throws IOException {
        aTacticsCampaignOnAnExcludedSegment(workspace);
    }

    /**
     * A strategy excluding TPE, and a tactics file whose campaign targets TPE at
     * tactics/2026-Q3.yaml:4:5.
     */
    static void aTacticsCampaignOnAnExcludedSegment(Path workspace) throws IOException {
        Files.writeString(
                workspace.resolve("strategy.yaml"),
                """
                owner: p.durand
                year: 2026
                segments: { excluded: [TPE] }
                """);
        Files.createDirectories(workspace.resolve("tactics"));
        Files.writeString(
                workspace.resolve("tactics/2026-Q3.yaml"),
                """
                owner: s.morel
                period: 2026-Q3
                campaigns:
                  - { id: tpe, name: Offre TPE, segments: [TPE], from: 2026-09-01, to: 2026-09-30 }
                """);
    }

    @Test
    void should_refuse_a_waiver_with_an_unreadable_date_as_the_audit_does() throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - { rule: PROC-SKIP-STAGE, deal: D-2, justification: accord, accepted-by: p.durand, until: demain }
                """);
        // WHEN
        int validate = vigie("validate", workspace.toString());
        String validated = err.toString();
        int audit = vigie("audit", workspace.toString(), "-q");
        // THEN
        assertThat(validate).isEqualTo(ExitCodes.INPUT_ERROR).isEqualTo(audit);
        assertThat(validated)
                .containsPattern("waivers\\.yaml:2:\\d+: .*demain")
                .endsWith(
                        "client : non valide, 1 erreur ; rien ne peut être audité avant leur"
                                + " correction."
                                + System.lineSeparator());
        assertThat(out.toString()).doesNotContain("valide");
    }

    @Test
    void should_refuse_a_waiver_of_a_misspelt_rule_with_the_nearest_one() throws IOException {
        // GIVEN
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - { rule: PROC-SKIP-STAEG, deal: D-2, justification: accord, accepted-by: p.durand, until: 2026-12-31 }
                """);
        // WHEN
        int code = vigie("validate", workspace.toString(), "--lang", "en");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "waivers.yaml:2:13: unknown rule 'PROC-SKIP-STAEG' (did you mean"
                                + " 'PROC-SKIP-STAGE'?)")
                .endsWith(
                        "client: invalid, 1 error; nothing can be audited until they are fixed."
                                + System.lineSeparator());
    }

    @Test
    void should_say_valid_and_exit_0_when_nothing_contradicts() {
        assertThat(vigie("validate", workspace.toString(), "--lang", "en")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .containsPattern(
                        "(?m)^\\S+client: valid, no contradiction between strategy and tactics \\(1"
                                + " process, \\d+ rules\\)\\.\\R$");
    }

    @Test
    void should_print_each_contradiction_location_first_and_say_it_fails_when_it_exits_1()
            throws IOException {
        // GIVEN
        aTacticsCampaignOnAnExcludedSegment();
        // WHEN
        int code = vigie("validate", workspace.toString(), "--lang", "en");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        String tactics = workspace.resolve("tactics/2026-Q3.yaml").toString();
        String strategy = workspace.resolve("strategy.yaml").toString();
        assertThat(out.toString())
                .startsWith(
                        tactics
                                + ":4:5: major TACT-CAMPAIGN-EXCLUDED-SEGMENT: campaign \"Offre"
                                + " TPE\" targets TPE; "
                                + strategy
                                + ":3:24: the CEO's strategy excludes TPE.")
                .containsPattern(
                        "client: valid, but 1 contradiction between strategy and tactics, 1 at or"
                                + " above --fail-on major \\(1 process, \\d+ rules\\)\\.\\R$")
                .doesNotContain(" : ");
    }

    @Test
    void should_say_which_contradictions_do_not_fail_when_it_exits_0() throws IOException {
        // GIVEN
        aTacticsCampaignOnAnExcludedSegment();
        // WHEN
        int critical =
                vigie("validate", workspace.toString(), "--lang", "en", "--fail-on", "critical");
        int none = vigie("validate", workspace.toString(), "--lang", "en", "--fail-on", "none");
        // THEN
        assertThat(critical).isEqualTo(ExitCodes.OK);
        assertThat(none).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains(
                        "client: valid, 1 contradiction between strategy and tactics, none at or"
                                + " above --fail-on critical (1 process, ")
                .contains(
                        "client: valid, 1 contradiction between strategy and tactics, not judged"
                                + " with --fail-on none (1 process, ");
    }

    @Test
    void should_speak_the_workspace_language_on_the_whole_console_by_default() throws IOException {
        // GIVEN a French workspace
        aTacticsCampaignOnAnExcludedSegment();
        // WHEN
        int code = vigie("validate", workspace.toString());
        // THEN
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .contains(
                        ":4:5: major TACT-CAMPAIGN-EXCLUDED-SEGMENT: la campagne « Offre TPE »"
                                + " cible le segment TPE ; ")
                .contains(
                        "client : valide, mais 1 contradiction entre la stratégie et la tactique,"
                                + " dont 1 de gravité --fail-on major ou plus (1 processus, ")
                .doesNotContain("valid,")
                .doesNotContain("between");
    }

    @Test
    void should_not_fail_on_a_contradiction_that_waivers_yaml_waives() throws IOException {
        // GIVEN the contradiction's id, as the check gives it, waived
        aTacticsCampaignOnAnExcludedSegment();
        String id =
                new CheckingAWorkspace()
                        .check(workspace, Path.of("rules"), Locale.ENGLISH)
                        .contradictions()
                        .get(0)
                        .id();
        Files.writeString(
                workspace.resolve("waivers.yaml"),
                """
                waivers:
                  - { finding: %s, justification: campagne de test, accepted-by: p.durand, until: 2026-12-31 }
                """
                        .formatted(id));
        // WHEN
        int code = vigie("validate", workspace.toString(), "--lang", "en");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .containsPattern(
                        "(?m)^\\S+client: valid, no contradiction between strategy and tactics, 1"
                                + " waived by waivers.yaml \\(1 process, \\d+ rules\\)\\.\\R$");
    }
}
