package fr.vigie.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.cli.Vigie;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A close date typed a year early explains every stage "entered after the close": the report counts
 * and shows the cause once, its consequences folded under it, and findings.json keeps them all,
 * linked to their cause by {@code causedBy}.
 */
class RootCausesTest {

    private static final String AT = "T09:00:00+02:00";

    @TempDir Path dir;
    private Path workspace;
    private String out;

    @BeforeEach
    void audit_a_deal_closed_a_year_before_it_was_created() throws IOException {
        // GIVEN a won deal whose close date says 2025 instead of 2026, and that left Proposition
        // without its quote
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(
                workspace.resolve("deals/2026-Q3.jsonl"),
                "{\"id\":\"D-1\",\"name\":\"Ligne\",\"account\":{\"name\":\"Client A\"},"
                    + "\"owner\":\"a.martin\",\"team\":\"Nord\",\"amount\":10000,\"currency\":\"EUR\",\"createdAt\":\"2026-07-10"
                        + AT
                        + "\","
                        + "\"closedAt\":\"2025-07-25"
                        + AT
                        + "\",\"outcome\":\"won\",\"fields\":{\"budget\":\"oui\",\"decideur\":\"oui\"},"
                        + "\"stages\":["
                        + stage("prospection", "07-10")
                        + ","
                        + stage("qualification", "07-12")
                        + ","
                        + stage("proposition", "07-15")
                        + ","
                        + stage("negociation", "07-20")
                        + ","
                        + stage("gagne", "07-25")
                        + "],"
                        + "\"activities\":[{\"type\":\"rendez-vous\",\"at\":\"2026-07-11"
                        + AT
                        + "\",\"by\":\"a.martin\"}],"
                        + "\"documents\":[{\"type\":\"bon-de-commande\",\"at\":\"2026-07-24"
                        + AT
                        + "\"}]}\n");

        // WHEN the quarter is audited
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code =
                Vigie.run(
                        new PrintWriter(stdout),
                        new PrintWriter(stderr),
                        "audit",
                        workspace.toString(),
                        "--period",
                        "2026-Q3",
                        "--format",
                        "md,json,csv,html",
                        "--standard-rules",
                        "rules");
        assertThat(code).as("stderr: %s", stderr).isEqualTo(1);
        out = stdout.toString();
    }

    private static String stage(String stage, String day) {
        return "{\"stage\":\"" + stage + "\",\"at\":\"2026-" + day + AT + "\"}";
    }

    private String read(String file) throws IOException {
        return Files.readString(
                workspace.resolve("out/2026-Q3").resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void should_count_the_wrong_close_date_once_and_not_each_stage_it_puts_after_the_close()
            throws IOException {
        // THEN two findings (the wrong close date, the missing quote): the four stages "entered
        // after the close" follow from the first
        assertThat(out).contains("2 constats (0 critique, 2 majeurs, 0 mineur, 0 info)");
        String md = read("report.md");
        assertThat(md).contains("- Écarts : 2 (critique 0, majeur 2, mineur 0, info 0)");
        assertThat(md)
                .contains(
                        "| Affaire clôturée avant sa création | majeur | Les bons processus | 1 | 1"
                                + " |")
                .doesNotContain("| Étape saisie après la clôture |");
        assertThat(read("report-appendix.md"))
                .contains(
                        "| `DATA-CLOSED-BEFORE-CREATED` | Affaire clôturée avant sa création |"
                                + " majeur | Les bons processus | 1 | 1 |")
                .doesNotContain("| `DATA-EVENT-AFTER-CLOSE` | Étape saisie après la clôture |");
    }

    @Test
    void should_fold_the_consequences_under_their_cause_and_say_so_without_accusing_anyone()
            throws IOException {
        String md = read("report.md");
        // THEN the priority deal shows the cause with the number of findings that follow from it
        assertThat(md)
                .contains(
                        "- **majeur** L'affaire D-1 (Client A) porte une date de clôture, le 25"
                            + " juil. 2025, antérieure à sa date de création, le 10 juil. 2026 :"
                            + " l'une des deux dates est probablement mal saisie dans le CRM. 4"
                            + " autres constats en découlent, comptés avec lui (détail en"
                            + " annexe).");
        // AND the appendix nests the four consequences under it
        String appendix = read("report-appendix.md");
        assertThat(appendix)
                .contains(
                        "  _En découle, compté avec le constat ci-dessus :_\n"
                                + "  - **majeur** `DATA-EVENT-AFTER-CLOSE` L'affaire D-1 (Client"
                                + " A) est entrée en");
        assertThat(md + appendix).doesNotContain("retouché");
        assertThat(read("report-appendix.html")).contains("<ul class=\"consequences\">");
    }

    @Test
    void should_keep_every_finding_in_findings_json_with_the_link_to_its_cause()
            throws IOException {
        List<JsonNode> findings = new ArrayList<>();
        JsonMapper.builder()
                .build()
                .readTree(read("findings.json"))
                .get("findings")
                .forEach(findings::add);
        JsonNode cause =
                findings.stream()
                        .filter(f -> f.get("rule").asString().equals("DATA-CLOSED-BEFORE-CREATED"))
                        .findFirst()
                        .orElseThrow();
        String causeId = cause.get("id").asString();
        assertThat(cause.has("causedBy")).isFalse();
        assertThat(findings).hasSize(6);
        assertThat(
                        findings.stream()
                                .filter(
                                        f ->
                                                f.get("rule")
                                                        .asString()
                                                        .equals("DATA-EVENT-AFTER-CLOSE")))
                .hasSize(4)
                .allSatisfy(f -> assertThat(f.get("causedBy").asString()).isEqualTo(causeId));
        assertThat(read("findings.csv").lines().filter(l -> l.endsWith(";" + causeId))).hasSize(4);
    }
}
