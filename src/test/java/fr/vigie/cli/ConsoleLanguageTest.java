package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console speaks one language per run: --lang, else the workspace's. Every command's own lines
 * and the readers' rejection reasons come in French or in English, never mixed.
 */
class ConsoleLanguageTest {

    /**
     * Words of our English sentences that no French line of ours holds (the file names, rule ids
     * and option names a French line cites are left out).
     */
    static final Pattern ENGLISH =
            Pattern.compile(
                    "\\b(records?|read|audited|rejected|conformity|findings?|deals?|reports in"
                            + "|Reading|Auditing|passed|failed|rules?|the|of|is|must|with|and"
                            + "|not|has|no|warning|see)\\b");

    @TempDir Path dir;
    Path workspace;

    @BeforeEach
    void a_small_workspace_with_one_deal_audited_and_one_rejected() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                CliTest.SKIPPING
                        + "\n"
                        + "{\"id\":\"D-9\",\"createdAt\":\"2026-13-02T09:00:00+02:00\",\"stages\":[]}\n");
    }

    record Run(int code, String out, String err) {
        String console() {
            return out + err;
        }
    }

    Run vigie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CliTest.withTestRules(out, err, args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The lines of a French run with an English sentence of ours in them. */
    static List<String> english(String console) {
        return console.lines()
                .map(
                        line ->
                                line.replaceAll(
                                        "[\\w./-]*\\.(jsonl|yaml|csv|xes|md|html|pdf|json)\\b", ""))
                .map(
                        line ->
                                line.replaceAll(
                                        "--[a-z-]+|[A-Z]+(-[A-Z0-9]+)+|[\\w/.-]*/[\\w/.-]*", ""))
                .filter(line -> ENGLISH.matcher(line).find())
                .toList();
    }

    @Test
    void should_find_an_english_sentence_of_ours_on_a_french_console_and_nothing_else() {
        String console =
                "Audit de 2026-Q3 pour client, affaires lues dans deals/2026-Q3.jsonl\n"
                        + "  2 records read = 1 audited + 1 rejected (see rejected.csv)\n"
                        + "deals/2026-Q3.jsonl:2:40: date invalide : createdAt n'est pas une date\n"
                        + "  non évaluable (la règle a échoué) sur 2 affaires sur 4 :"
                        + " PROC-SKIP-STAGE\n";

        assertThat(english(console)).singleElement().asString().contains("2 records read");
    }

    @Test
    void should_tell_an_audit_in_french_with_the_rejection_reason_in_french() throws IOException {
        Run run = vigie("audit", workspace.toString(), "--lang", "fr", "--format", "csv");

        assertThat(run.out())
                .contains("Audit de 2026-Q3 pour ")
                .contains("  2 enregistrements lus = 1 audité + 1 rejeté (voir rejected.csv)")
                .containsPattern("  conformité 0,0 % \\(0 affaire sur 1\\), \\d+ constats? \\(")
                .contains("  rapports dans ");
        assertThat(run.err())
                .contains("Lecture de l'espace de travail et compilation de ses règles...");
        assertThat(english(run.console())).isEmpty();
        assertThat(rejected())
                .contains(
                        "date invalide : createdAt « 2026-13-02T09:00:00+02:00 » n'est pas une date"
                                + " et heure ; écrivez-la en ISO 8601 avec un décalage, par exemple"
                                + " 2026-07-01T09:30:00+02:00");
    }

    @Test
    void should_tell_an_audit_in_english_with_the_rejection_reason_in_english() throws IOException {
        Run run = vigie("audit", workspace.toString(), "--lang", "en", "--format", "csv");

        assertThat(run.out())
                .contains("Audited 2026-Q3 for ")
                .contains("  2 records read = 1 audited + 1 rejected (see rejected.csv)")
                .containsPattern("  conformity 0\\.0% \\(0 of 1 deals\\), \\d+ findings? \\(")
                .contains("  reports in ");
        assertThat(run.err()).contains("Reading the workspace and compiling its rules...");
        assertThat(rejected())
                .contains(
                        "bad date: createdAt '2026-13-02T09:00:00+02:00' is not a date-time; write"
                                + " ISO 8601 with an offset, e.g. 2026-07-01T09:30:00+02:00");
    }

    @Test
    void should_follow_the_workspace_language_without_lang() throws IOException {
        Files.writeString(
                workspace.resolve("vigie.yaml"),
                Files.readString(workspace.resolve("vigie.yaml"))
                        .replace("language: fr", "language: en"));

        Run run = vigie("audit", workspace.toString(), "--format", "csv", "-q");

        assertThat(run.out()).contains("  2 records read = 1 audited + 1 rejected");
    }

    @Test
    void should_tell_that_nothing_could_be_audited_in_the_run_language() throws IOException {
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                "{\"id\":\"D-9\",\"createdAt\":\"2026-13-02T09:00:00+02:00\",\"stages\":[]}\n");

        Run fr = vigie("audit", workspace.toString(), "--lang", "fr", "--period", "2026-Q3", "-q");
        Run en = vigie("audit", workspace.toString(), "--lang", "en", "--period", "2026-Q3", "-q");

        assertThat(fr.code()).isEqualTo(ExitCodes.NOTHING_AUDITED);
        assertThat(fr.err())
                .contains(":1:")
                .contains("date invalide : createdAt")
                .contains("rien n'a pu être audité : 1 enregistrement lu, rejeté (ci-dessus)");
        assertThat(english(fr.console())).isEmpty();
        assertThat(en.err())
                .contains("bad date: createdAt")
                .contains("nothing could be audited: 1 record read, rejected (above)");
    }

    @Test
    void should_tell_an_export_in_each_language() {
        Path fr = dir.resolve("fr.xes");
        Path en = dir.resolve("en.xes");

        Run french =
                vigie(
                        "export",
                        workspace.toString(),
                        "--xes",
                        "--lang",
                        "fr",
                        "--out",
                        fr.toString());
        Run english =
                vigie(
                        "export",
                        workspace.toString(),
                        "--xes",
                        "--lang",
                        "en",
                        "--out",
                        en.toString());

        assertThat(french.out())
                .contains(" écrit : 1 trace, les affaires auditées de ")
                .contains(
                        "  2 enregistrements lus = 1 audité + 1 rejeté (absents du journal ;"
                                + " vigie audit les liste dans rejected.csv)");
        assertThat(english(french.console())).isEmpty();
        assertThat(english.out())
                .contains(": 1 trace, the audited deals of ")
                .contains(
                        "  2 records read = 1 audited + 1 rejected (not in the log; vigie audit"
                                + " lists them in rejected.csv)");
    }

    @Test
    void should_tell_the_tests_and_their_coverage_in_each_language() {
        Run fr =
                vigie(
                        "test",
                        workspace.toString(),
                        "--no-standard",
                        "--threshold",
                        "90",
                        "--lang",
                        "fr");
        Run en =
                vigie(
                        "test",
                        workspace.toString(),
                        "--no-standard",
                        "--threshold",
                        "90",
                        "--lang",
                        "en");

        assertThat(fr.out())
                .contains("0 réussi, 0 en échec")
                .containsPattern("Règles qu'aucun test ne déclenche \\(\\d+ sur \\d+\\) :")
                .containsPattern("couverture \\d+,\\d % \\(\\d+ sur \\d+\\) : règles ")
                .containsPattern("la couverture \\d+,\\d % est inférieure à --threshold 90 %");
        assertThat(english(fr.console())).isEmpty();
        assertThat(en.out())
                .contains("0 passed, 0 failed")
                .containsPattern("Rules no test makes fire \\(\\d+ of \\d+\\)")
                .containsPattern("coverage \\d+\\.\\d% is under --threshold 90%");
    }

    @Test
    void should_count_the_rules_in_each_language() {
        Run fr = vigie("rules", workspace.toString(), "--lang", "fr");
        Run en = vigie("rules", workspace.toString(), "--lang", "en");

        assertThat(fr.out().lines().reduce((a, b) -> b).orElseThrow()).matches("\\d+ règles");
        assertThat(en.out().lines().reduce((a, b) -> b).orElseThrow()).matches("\\d+ rules");
    }

    @Test
    void should_say_whether_the_workspace_is_valid_in_each_language() {
        Run fr = vigie("validate", workspace.toString(), "--lang", "fr");
        Run en = vigie("validate", workspace.toString(), "--lang", "en");

        assertThat(fr.out())
                .containsPattern(
                        "client : valide, aucune contradiction entre la stratégie et la tactique"
                                + " \\(1 processus, \\d+ règles\\)\\.");
        assertThat(english(fr.console())).isEmpty();
        assertThat(en.out())
                .containsPattern(
                        "client: valid, no contradiction between strategy and tactics \\(1 process,"
                                + " \\d+ rules\\)\\.");
    }

    private String rejected() throws IOException {
        return Files.readString(
                workspace.resolve("out/2026-Q3/rejected.csv"), StandardCharsets.UTF_8);
    }
}
