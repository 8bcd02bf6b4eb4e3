package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input where nothing could be audited is an error of its own; reports are never replaced
 * without a word.
 */
class NothingLostOrReplacedTest {

    @TempDir Path dir;
    Path workspace;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void a_small_workspace() throws IOException {
        workspace = fr.vigie.SmallWorkspace.in(dir);
    }

    int vigie(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliTest.withTestRules(out, err, args);
    }

    @Test
    void should_exit_5_without_a_report_when_every_record_is_random_bytes() throws IOException {
        // GIVEN eight lines of random bytes
        byte[] noise = new byte[800];
        new Random(18).nextBytes(noise);
        for (int i = 99; i < noise.length; i += 100) {
            noise[i] = '\n';
        }
        Files.write(workspace.resolve("deals/2026-Q3.jsonl"), noise);
        // WHEN
        int code = vigie("audit", workspace.toString(), "-q");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.NOTHING_AUDITED);
        assertThat(err.toString())
                .containsPattern("2026-Q3\\.jsonl:1(:\\d+)?: ")
                .containsPattern(
                        "2026-Q3\\.jsonl: nothing could be audited: \\d+ records read, all rejected"
                                + " \\(the first 5 above\\); no report was written")
                .doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("conformity");
        assertThat(workspace.resolve("out/2026-Q3/report.md")).doesNotExist();
    }

    @Test
    void should_exit_5_on_an_empty_file_and_keep_the_previous_reports() throws IOException {
        // GIVEN a first audit, then its deals emptied
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n");
        assertThat(vigie("audit", workspace.toString(), "-q")).isZero();
        String before = Files.readString(workspace.resolve("out/2026-Q3/findings.json"));
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), "");
        // WHEN
        int code = vigie("audit", workspace.toString(), "-q");
        // THEN
        assertThat(code).isEqualTo(ExitCodes.NOTHING_AUDITED);
        assertThat(err.toString())
                .contains(
                        "2026-Q3.jsonl: nothing to audit: no deal record was found in it; no report"
                                + " was written");
        assertThat(Files.readString(workspace.resolve("out/2026-Q3/findings.json")))
                .isEqualTo(before);
    }

    @Test
    void should_write_the_reports_of_deals_from_elsewhere_in_a_folder_of_their_own()
            throws IOException {
        // GIVEN the workspace's deals, and another source of the same period
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n");
        Path crm = dir.resolve("crm-export.jsonl");
        Files.writeString(crm, CliTest.CLEAN + "\n" + CliTest.SKIPPING + "\n");
        // WHEN
        int own = vigie("audit", workspace.toString(), "-q", "--period", "2026-Q3");
        int other =
                vigie(
                        "audit",
                        workspace.toString(),
                        "-q",
                        "--period",
                        "2026-Q3",
                        "--deals",
                        crm.toString());
        // THEN
        assertThat(own).isZero();
        assertThat(other).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString())
                .contains("reports in " + workspace.resolve("out/crm-export/2026-Q3") + ": ")
                .doesNotContain("replaced");
        assertThat(Files.readString(workspace.resolve("out/2026-Q3/findings.json")))
                .doesNotContain("D-2");
        assertThat(Files.readString(workspace.resolve("out/crm-export/2026-Q3/findings.json")))
                .contains("D-2");
    }

    @Test
    void should_say_which_reports_it_replaced() throws IOException {
        // GIVEN
        Files.writeString(workspace.resolve("deals/2026-Q3.jsonl"), CliTest.CLEAN + "\n");
        assertThat(vigie("audit", workspace.toString(), "-q", "--format", "md,json")).isZero();
        assertThat(out.toString()).doesNotContain("replaced");
        // WHEN
        int code = vigie("audit", workspace.toString(), "-q", "--format", "md");
        // THEN
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains(
                        "  replaced the reports of an earlier run in this folder: rejected.csv,"
                                + " report-appendix.md, report.md")
                .contains(
                        "  removed from an earlier run (the folder holds this run only):"
                                + " findings.json");
    }
}
