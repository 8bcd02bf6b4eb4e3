package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, located errors, never a stack trace. */
class CliTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_small_workspace() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
    }

    int vigie(String... args) {
        return withTestRules(out, err, args);
    }

    /**
     * Runs vigie with this folder's standard rules, what it prints collected in {@code out} and
     * {@code err}.
     */
    static int withTestRules(StringWriter out, StringWriter err, String... args) {
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), withTestRules(args));
    }

    /**
     * {@code args} with this folder's standard rules, and in English for audit, export and test
     * unless they say a language (the small workspace speaks French; ConsoleLanguageTest tells
     * both).
     */
    static String[] withTestRules(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--standard-rules", "rules"));
        if (args.length > 0
                && List.of("audit", "export", "test").contains(args[0])
                && !all.contains("--lang")) {
            all.addAll(List.of("--lang", "en"));
        }
        return all.toArray(String[]::new);
    }

    void deals(String... lines) throws IOException {
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"), String.join("\n", lines) + "\n");
    }

    static final String CLEAN =
            "{\"id\":\"D-1\",\"createdAt\":\"2026-09-20T09:00:00+02:00\",\"stages\":[{\"stage\":\"prospection\",\"at\":\"2026-09-20T09:00:00+02:00\"}]}";
    static final String SKIPPING =
            "{\"id\":\"D-2\",\"createdAt\":\"2026-09-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"proposition\",\"at\":\"2026-09-01T09:00:00+02:00\"},{\"stage\":\"gagne\",\"at\":\"2026-09-10T09:00:00+02:00\"}],\"outcome\":\"won\",\"closedAt\":\"2026-09-10T09:00:00+02:00\",\"documents\":[{\"type\":\"devis\",\"at\":\"2026-09-02T09:00:00+02:00\"},{\"type\":\"bon-de-commande\",\"at\":\"2026-09-10T09:00:00+02:00\"}]}";

    @Test
    void should_exit_2_naming_the_problem_when_the_rules_cannot_run_as_written() {
        // GIVEN a rule that loops, as the engine reports it
        StringWriter text = new StringWriter();
        RuntimeException loop =
                new fr.vigie.audit.engine.RuleLoopException(
                        "the rules fired more than 100 times on deal at deals.jsonl:7");

        // WHEN the command line handles it
        int code = Vigie.handle(loop, new PrintWriter(text, true), false);

        // THEN it is the rule author's input error, not a bug in Vigie
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(text.toString())
                .isEqualTo(
                        "vigie: the rules fired more than 100 times on deal at deals.jsonl:7"
                                + System.lineSeparator());
    }

    @Test
    void should_exit_0_and_say_so_when_a_workspace_is_valid() {
        assertThat(vigie("validate", workspace.toString())).isZero();
        assertThat(out.toString())
                .containsPattern(
                        "client : valide, aucune contradiction entre la stratégie et la tactique"
                                + " \\(1 processus, \\d+ règles\\)\\.");
    }

    @Test
    void should_exit_2_with_every_problem_located_when_a_workspace_is_invalid() throws IOException {
        // GIVEN
        Files.writeString(workspace.resolve("vigie.yaml"), "client: X\nlanguge: fr\n");
        Files.writeString(
                workspace.resolve("process/standard.yaml"),
                Files.readString(workspace.resolve("process/standard.yaml"))
                        .replace("before: negociation", "before: negotiation"));
        // WHEN
        int code = vigie("validate", workspace.toString());
        // THEN
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "process/standard.yaml:41:13: unknown stage 'negotiation' in an approval"
                                + " (did you mean 'negociation'?)")
                .contains(
                        "vigie.yaml:2:1: unknown key 'languge' in vigie.yaml (did you mean"
                                + " 'language'?)")
                .contains(
                        "client : non valide, 3 erreurs ; rien ne peut être audité avant leur"
                                + " correction.")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void should_exit_0_when_no_finding_reaches_the_fail_on_severity() throws IOException {
        deals(CLEAN);
        assertThat(vigie("audit", workspace.toString(), "--period", "2026-Q3", "-q")).isZero();
        assertThat(out.toString()).contains("1 record read = 1 audited + 0 rejected");
        assertThat(workspace.resolve("out/2026-Q3/report.md")).exists();
    }

    @Test
    void should_exit_1_when_a_finding_reaches_the_fail_on_severity_and_0_with_none()
            throws IOException {
        deals(CLEAN, SKIPPING);
        assertThat(vigie("audit", workspace.toString(), "-q")).isEqualTo(ExitCodes.FINDINGS);
        assertThat(vigie("audit", workspace.toString(), "-q", "--fail-on", "none")).isZero();
        assertThat(vigie("audit", workspace.toString(), "-q", "--fail-on", "critical")).isZero();
    }

    @Test
    void should_reject_bad_records_and_still_audit_the_others() throws IOException {
        deals(CLEAN, "{\"id\":\"D-3\",\"amount\":-5}", "{oops");
        assertThat(vigie("audit", workspace.toString(), "-q")).isZero();
        assertThat(out.toString())
                .contains("3 records read = 1 audited + 2 rejected (see rejected.csv)");
        assertThat(Files.readString(workspace.resolve("out/2026-Q3/rejected.csv")))
                .contains(",2,22,D-3,amount is negative (-5): amounts and prices must be 0 or more")
                .contains(
                        ",3,2,,malformed JSON: Unexpected character ('o' (code 111)): was expecting"
                                + " double-quote to start property name");
    }

    @Test
    void should_exit_2_on_a_wrong_option_value_without_writing_anything() throws IOException {
        deals(CLEAN);
        assertThat(vigie("audit", workspace.toString(), "--lang", "de"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("--lang must be fr or en, not 'de'");
        assertThat(vigie("audit", workspace.toString(), "--period", "2026-Q5"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("'2026-Q5' is not a period");
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    @Test
    void should_exit_2_when_the_workspace_does_not_exist() {
        assertThat(vigie("audit", dir.resolve("nowhere").toString()))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("no such workspace folder");
    }

    @Test
    void should_write_the_reports_in_english_on_request() throws IOException {
        deals(CLEAN, SKIPPING);
        vigie("audit", workspace.toString(), "-q", "--lang", "en");
        assertThat(Files.readString(workspace.resolve("out/2026-Q3/report.md")))
                .contains("# Conformity audit — Client de test — 2026-Q3")
                .contains(
                        "Deal D-2 (?) went from Proposition to Gagné on Sep 10, 2026 without the"
                                + " Négociation stage");
    }

    @Test
    void should_run_the_workspace_tests_and_report_failures_with_their_location()
            throws IOException {
        // GIVEN
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(
                workspace.resolve("tests/skip.test.yaml"),
                """
                rules: [PROC-SKIP-STAGE]
                cases:
                  - name: skipping the proposal is flagged
                    deals:
                      - stages: [qualification 2026-07-01, negociation 2026-07-10]
                    expect:
                      - { rule: PROC-SKIP-STAGE, deal: D-1, stage: proposition }
                  - name: a wrong expectation
                    deals:
                      - stages: [qualification 2026-07-01, proposition 2026-07-10]
                    expect:
                      - { rule: PROC-SKIP-STAGE, deal: D-1 }
                """);
        // WHEN
        int code = vigie("test", workspace.toString(), "--no-standard");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .contains(
                        "FAIL "
                                + workspace.resolve("tests/skip.test.yaml")
                                + ":8:5: a wrong expectation")
                .contains("expected PROC-SKIP-STAGE on D-1 (line 12), but it did not fire")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void should_explain_why_a_deal_is_flagged_with_its_timeline_and_the_facts_each_rule_fired_on()
            throws IOException {
        // GIVEN
        deals(CLEAN, SKIPPING);
        // WHEN
        int code =
                vigie(
                        "explain",
                        workspace.toString(),
                        "--deal",
                        "D-2",
                        "--period",
                        "2026-Q3",
                        "--lang",
                        "en");
        // THEN
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("judged by process standard, version 1, as of the end of 2026-Q3")
                .contains("2026-09-01  stage   Proposition [proposition] — 9 days (max 20)")
                .contains("2026-09-10          ↳ skipped Négociation")
                .contains("FIRED  PROC-SKIP-STAGE — Stage skipped (2 times)")
                .contains("on move Proposition → Gagné on 2026-09-10; stage Négociation")
                .contains("other rules in force did not fire");
    }

    @Test
    void should_say_why_a_deal_is_not_audited_when_asked_to_explain_it() throws IOException {
        deals(
                CLEAN,
                "{\"id\":\"D-9\",\"createdAt\":\"2026-07-01T09:00:00+02:00\",\"stages\":[{\"stage\":\"propsal\",\"at\":\"2026-07-01T09:00:00+02:00\"}]}");
        assertThat(vigie("explain", workspace.toString(), "--deal", "D-9", "--lang", "en"))
                .isZero();
        assertThat(out.toString()).contains("Not audited: unknown stage 'propsal' at stages[0]");
        assertThat(vigie("explain", workspace.toString(), "--deal", "D-404", "--lang", "en"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString()).contains("no deal 'D-404' in");
    }

    @Test
    void should_list_what_no_test_covers() throws IOException {
        // GIVEN
        Files.createDirectories(workspace.resolve("tests"));
        Files.writeString(
                workspace.resolve("tests/skip.test.yaml"),
                """
                cases:
                  - name: skipping the proposal is flagged
                    rules: [PROC-SKIP-STAGE]
                    deals:
                      - stages: [qualification 2026-07-01, negociation 2026-07-10]
                    expect:
                      - { rule: PROC-SKIP-STAGE, deal: D-1, stage: proposition }
                """);
        // WHEN
        int code = vigie("test", workspace.toString(), "--coverage", "--no-standard");
        // THEN
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("1 passed, 0 failed")
                .contains("Rules no test makes fire (")
                .contains("  PROC-STALE-STAGE (")
                .doesNotContain("  PROC-SKIP-STAGE (")
                .contains("  standard/gagne")
                .doesNotContain("  standard/qualification\n");
    }
}
