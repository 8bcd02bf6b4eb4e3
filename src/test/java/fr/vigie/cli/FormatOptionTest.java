package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.report.formats.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigie audit --format}: which reports are written, and a clear refusal of a format Vigie
 * does not know.
 */
class FormatOptionTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_small_workspace_with_one_deal() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n");
    }

    int audit(String... options) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "audit",
                                workspace.toString(),
                                "--period",
                                "2026-Q3",
                                "-q",
                                "--lang",
                                "en",
                                "--standard-rules",
                                "rules"));
        args.addAll(List.of(options));
        return Vigie.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    List<String> written() throws IOException {
        try (Stream<Path> files = Files.list(workspace.resolve("out/2026-Q3"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void should_write_only_the_formats_asked_and_rejected_csv() throws IOException {
        // GIVEN a workspace with one deal
        // WHEN it is audited for the HTML and the Markdown reports only
        int code = audit("--format", "html, MD");

        // THEN those two are written, with rejected.csv, and the console says so
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(written())
                .containsExactly(
                        "rejected.csv",
                        "report-appendix.html",
                        "report-appendix.md",
                        "report.html",
                        "report.md");
        assertThat(out.toString())
                .contains("reports in ")
                .contains(
                        "rejected.csv, report-appendix.html, report-appendix.md, report.html,"
                                + " report.md");
    }

    @Test
    void should_remove_the_reports_of_an_earlier_run_that_this_run_does_not_write_and_say_so()
            throws IOException {
        // GIVEN the reports of a run in HTML, Markdown and CSV
        audit("--format", "html,md,csv");

        // WHEN the next run asks for findings.json only
        int code = audit("--format", "json");

        // THEN the folder holds that run only, and the console says what went
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(written()).containsExactly("findings.json", "rejected.csv");
        assertThat(out.toString())
                .contains(
                        "  removed from an earlier run (the folder holds this run only):"
                                + " findings.csv, report-appendix.html, report-appendix.md,"
                                + " report.html, report.md");
    }

    @Test
    void should_write_every_format_by_default() throws IOException {
        // GIVEN a workspace with one deal
        // WHEN it is audited without --format
        int code = audit();

        // THEN every report is written
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(written())
                .containsExactly(
                        "findings.csv",
                        "findings.json",
                        "rejected.csv",
                        "report-appendix.html",
                        "report-appendix.md",
                        "report-appendix.pdf",
                        "report.html",
                        "report.md",
                        "report.pdf");
    }

    @Test
    void should_exit_2_naming_the_formats_known_when_one_is_unknown() throws IOException {
        // GIVEN a workspace with one deal
        // WHEN a format Vigie does not know is asked
        int code = audit("--format", "html,xlsx");

        // THEN nothing is audited, and the message names the wrong value and the right ones
        assertThat(code).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(err.toString())
                .contains(
                        "vigie audit: --format: unknown format 'xlsx' in 'html,xlsx'; the formats"
                                + " are html, pdf, md, json, csv (comma-separated; default: all)")
                .contains("Run 'vigie audit --help' for usage.")
                .doesNotContain("Exception");
        assertThat(workspace.resolve("out")).doesNotExist();
    }

    @Test
    void should_refuse_an_empty_format() {
        assertThatThrownBy(() -> ReportFormat.parse("html,,pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "an empty format in 'html,,pdf'; the formats are html, pdf, md, json, csv"
                                + " (comma-separated; default: all)");
    }
}
