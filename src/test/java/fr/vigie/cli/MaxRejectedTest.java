package fr.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.deals.imports.Imported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thresholds on what was not audited: above 5 % of the period's records rejected, a warning in the
 * console and the report; above --max-rejected (or vigie.yaml's max-rejected), exit code 6. The
 * one-row-per-deal sample has 2 records rejected of the period's 10 (20 %).
 */
class MaxRejectedTest {

    static final Path SNAPSHOT = Path.of("fixtures/crm-snapshot");

    @TempDir Path dir;

    Imported.Run audit(Path workspace, String... options) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "audit",
                                workspace.toString(),
                                "--deals",
                                SNAPSHOT.resolve("deals/2017-Q1").toString(),
                                "--period",
                                "2017-Q1",
                                "--out",
                                dir.resolve("out").toString(),
                                "--standard-rules",
                                "rules",
                                "-q",
                                "--format",
                                "md"));
        args.addAll(List.of(options));
        return Imported.run(args.toArray(String[]::new));
    }

    @Test
    void
            should_warn_in_the_console_and_the_report_when_more_than_5_percent_of_the_records_are_rejected()
                    throws IOException {
        // GIVEN no max-rejected
        // WHEN
        Imported.Run run = audit(SNAPSHOT);

        // THEN a warning, and the exit of the findings (none)
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains(
                        "  warning: 20.0% of the period's records were not audited (2 rejected of"
                                + " 10), above 5%: see rejected.csv\n");
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains(
                        "**Warning: 20.0% of the period's records were not audited (2 rejected of"
                            + " 10, above 5.0%): the figures leave them out; see rejected.csv and"
                            + " fix them in the export.**\n");
    }

    @Test
    void should_exit_6_when_more_records_are_rejected_than_max_rejected_accepts() {
        // GIVEN / WHEN
        Imported.Run over = audit(SNAPSHOT, "--max-rejected", "10%");
        Imported.Run under = audit(SNAPSHOT, "--max-rejected", "25 %");

        // THEN
        assertThat(over.code()).isEqualTo(ExitCodes.TOO_MANY_REJECTED).isEqualTo(6);
        assertThat(over.out())
                .contains(
                        "  warning: 20.0% of the period's records were not audited (2 rejected of"
                                + " 10), above 10%: see rejected.csv\n");
        assertThat(under.code()).isEqualTo(ExitCodes.OK);
        assertThat(under.out()).doesNotContain("warning:");
    }

    @Test
    void should_take_max_rejected_from_vigie_yaml() throws IOException {
        // GIVEN
        Path workspace = Imported.copy(SNAPSHOT, dir.resolve("client"));
        Files.writeString(
                workspace.resolve("vigie.yaml"), "max-rejected: 15%\n", StandardOpenOption.APPEND);

        // WHEN
        Imported.Run run = audit(workspace);

        // THEN
        assertThat(run.code()).isEqualTo(ExitCodes.TOO_MANY_REJECTED);
        assertThat(run.out()).contains("above 15%: see rejected.csv");
        assertThat(Files.readString(dir.resolve("out/report.md")))
                .contains("(2 rejected of 10, above 15.0%)");
    }

    @Test
    void should_refuse_a_max_rejected_that_is_not_a_percentage() {
        // GIVEN / WHEN
        Imported.Run run = audit(SNAPSHOT, "--max-rejected", "five");

        // THEN
        assertThat(run.code()).isEqualTo(ExitCodes.INPUT_ERROR);
        assertThat(run.err())
                .contains(
                        "--max-rejected must be a percentage from 0 to 100, such as 5%; not"
                                + " 'five'");
    }
}
