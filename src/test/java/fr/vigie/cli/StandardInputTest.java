package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --deals -} reads the deals on standard input, as conftest reads {@code -}. */
class StandardInputTest {

    @TempDir Path dir;
    Path workspace;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void a_small_workspace() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
    }

    int vigie(String stdin, String... args) {
        String[] all = CliTest.withTestRules(args);
        return Vigie.run(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                all);
    }

    @Test
    void should_audit_json_lines_read_on_standard_input_into_a_folder_of_their_own()
            throws IOException {
        // WHEN
        int code =
                vigie(
                        CliTest.CLEAN + "\n" + CliTest.SKIPPING + "\n",
                        "audit",
                        workspace.toString(),
                        "--deals",
                        "-",
                        "--period",
                        "2026-Q3",
                        "-q");
        // THEN
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .contains("deals from stdin.jsonl")
                .contains("2 records read = 2 audited + 0 rejected")
                .contains("reports in " + workspace.resolve("out/stdin/2026-Q3"));
        assertThat(Files.readString(workspace.resolve("out/stdin/2026-Q3/findings.json")))
                .contains("\"deal\":\"D-2\"");
    }

    @Test
    void should_locate_a_bad_record_of_standard_input_by_its_line() throws IOException {
        // WHEN
        int code =
                vigie(
                        CliTest.CLEAN + "\n{oops\n",
                        "audit",
                        workspace.toString(),
                        "--deals",
                        "-",
                        "--period",
                        "2026-Q3",
                        "-q");
        // THEN
        assertThat(code).isZero();
        assertThat(out.toString()).contains("2 records read = 1 audited + 1 rejected");
        assertThat(Files.readString(workspace.resolve("out/stdin/2026-Q3/rejected.csv")))
                .contains("stdin.jsonl,2,2,,malformed JSON")
                .doesNotContain("vigie-stdin-");
    }

    @Test
    void should_ask_for_the_period_of_deals_on_standard_input() {
        assertThat(vigie(CliTest.CLEAN + "\n", "audit", workspace.toString(), "--deals", "-", "-q"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains("--period: give the period audited, e.g. --period 2026-Q3");
    }

    @Test
    void should_refuse_an_export_folder_kind_on_standard_input() {
        assertThat(
                        vigie(
                                "Id,Name\n",
                                "audit",
                                workspace.toString(),
                                "--deals",
                                "-",
                                "--source",
                                "salesforce",
                                "--period",
                                "2026-Q3"))
                .isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "--deals -: standard input carries one file: JSON Lines, CSV (--source csv)"
                            + " or XES (--source xes); a salesforce export is a folder, give its"
                            + " path to --deals");
    }

    @Test
    void should_export_deals_read_on_standard_input_as_an_event_log() throws IOException {
        // WHEN
        int code =
                vigie(
                        CliTest.CLEAN + "\n" + CliTest.SKIPPING + "\n",
                        "export",
                        workspace.toString(),
                        "--xes",
                        "--deals",
                        "-",
                        "--period",
                        "2026-Q3",
                        "-q");
        // THEN
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 traces").contains("2 records read = 2 audited");
        assertThat(Files.readString(workspace.resolve("out/stdin/2026-Q3/deals.xes")))
                .contains("D-1")
                .contains("D-2");
    }

    @Test
    void should_explain_a_deal_read_on_standard_input() {
        // WHEN
        int code =
                vigie(
                        CliTest.CLEAN + "\n" + CliTest.SKIPPING + "\n",
                        "explain",
                        workspace.toString(),
                        "--deals",
                        "-",
                        "--period",
                        "2026-Q3",
                        "--deal",
                        "D-2",
                        "--lang",
                        "en");
        // THEN
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("D-2")
                .contains("stdin.jsonl")
                .contains("PROC-SKIP-STAGE");
        assertThat(out.toString() + err.toString()).doesNotContain("vigie-stdin-");
    }

    @Test
    void should_exit_5_and_keep_the_previous_log_when_an_export_audits_nothing()
            throws IOException {
        Path log = workspace.resolve("out/stdin/2026-Q3/deals.xes");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "the previous log");
        // WHEN
        int code =
                vigie(
                        "{oops\n",
                        "export",
                        workspace.toString(),
                        "--xes",
                        "--deals",
                        "-",
                        "--period",
                        "2026-Q3",
                        "-q");
        // THEN
        assertThat(code).as(out.toString()).isEqualTo(ExitCodes.NOTHING_AUDITED);
        assertThat(err.toString()).contains("stdin.jsonl").contains("malformed JSON");
        assertThat(Files.readString(log)).isEqualTo("the previous log");
    }
}
